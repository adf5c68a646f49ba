package io.firewatch.cli;

import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.io.FileInputStream;
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

    /**
     * Reads every path into the scan, files in parallel but reported in argument order (directories in name order);
     * {@code -} is read as a live stream. Returns the per-input results.
     */
    List<InputResult> readAll(List<String> paths, Scan scan, Runnable afterEach) {
        List<InputResult> results = new ArrayList<>();
        List<Scan.Input> batch = new ArrayList<>();
        for (String path : paths) {
            Path p = path.equals("-") ? null : Paths.get(path);
            if (p == null || !Files.exists(p)) {
                readBatch(scan, batch, results, afterEach);
            }
            if (p == null) {
                results.add(scan.readLive(console.stdin(), "<stdin>"));
                files++;
                afterEach.run();
                continue;
            }
            for (Path file : expand(p)) {
                batch.add(new Scan.Input(file.toString(), () -> open(file)));
            }
        }
        readBatch(scan, batch, results, afterEach);
        return results;
    }

    private void readBatch(Scan scan, List<Scan.Input> batch, List<InputResult> results, Runnable afterEach) {
        results.addAll(scan.readAll(batch, r -> {
            files++;
            afterEach.run();
        }));
        batch.clear();
    }

    /** A pipe (process substitution, /dev/stdin) through a FileInputStream, whose available() does not seek. */
    private static InputStream open(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.newInputStream(file) : new FileInputStream(file.toFile());
    }

    int files() {
        return files;
    }

    private List<Path> expand(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            return List.of(path); // a regular file, or a pipe: process substitution, /dev/stdin
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

}
