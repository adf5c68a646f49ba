package io.firewatch.cli;

import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Feeds the CLI's PATH arguments to a scan: files, directories (recursively, in name order) and {@code -} for stdin. */
final class Inputs {
    private final Console console;
    private final Consumer<Problem> problems;
    private int files;

    Inputs(Console console, Consumer<Problem> problems) {
        this.console = console;
        this.problems = problems;
    }

    /** Reads every path into the scan; returns the per-input results. */
    List<InputResult> readAll(List<String> paths, Scan scan, Runnable afterEach) {
        List<InputResult> results = new ArrayList<>();
        for (String path : paths) {
            if (path.equals("-")) {
                results.add(scan.read(console.stdin(), "<stdin>"));
                files++;
                afterEach.run();
                continue;
            }
            for (Path file : expand(Paths.get(path))) {
                try (InputStream in = Files.newInputStream(file)) {
                    results.add(scan.read(in, file.toString()));
                } catch (IOException e) {
                    problems.accept(new Problem(Origin.of(file.toString()), Problem.Kind.UNREADABLE, describe(e)));
                }
                files++;
                afterEach.run();
            }
        }
        return results;
    }

    int files() {
        return files;
    }

    private List<Path> expand(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            problems.accept(new Problem(Origin.of(path.toString()), Problem.Kind.UNREADABLE, "no such file or directory"));
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(p -> !isHidden(path, p))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            problems.accept(new Problem(Origin.of(path.toString()), Problem.Kind.UNREADABLE, "cannot list directory: " + e.getMessage()));
            return List.of();
        }
    }

    /** Dot files and dot directories below a named directory (editor and VCS droppings) are not inputs. */
    private static boolean isHidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
