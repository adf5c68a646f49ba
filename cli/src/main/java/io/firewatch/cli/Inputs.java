package io.firewatch.cli;

import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;

/** Feeds the CLI's PATH arguments to a scan: files, directories (recursively, in name order) and {@code -} for stdin. */
final class Inputs {
    private final Console console;
    private final Consumer<Problem> problems;
    private int files;
    private final List<String> emptyPaths = new ArrayList<>();

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

    /** The PATH arguments that named no input at all (an empty directory, one holding only dot files). */
    List<String> emptyPaths() {
        return List.copyOf(emptyPaths);
    }

    /**
     * A file, or the regular files below a directory in name order. Symbolic links are followed, to files and to
     * directories alike; a link back to a directory already being walked is reported as a cycle and not entered.
     */
    private List<Path> expand(Path path) {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            return List.of(path); // a regular file, or a pipe: process substitution, /dev/stdin
        }
        if (!Files.isDirectory(path)) {
            problems.accept(new Problem(Origin.of(path.toString()), Problem.Kind.UNREADABLE,
                    Files.isSymbolicLink(path) ? "broken symbolic link" : "no such file or directory"));
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(path, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return isHidden(path, dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isHidden(path, file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (!isHidden(path, file)) {
                        problems.accept(new Problem(Origin.of(file.toString()), Problem.Kind.UNREADABLE, walkFailure(e)));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.accept(new Problem(Origin.of(path.toString()), Problem.Kind.UNREADABLE, walkFailure(e)));
        }
        if (found.isEmpty()) {
            emptyPaths.add(path.toString());
        }
        found.sort(null);
        return found;
    }

    private static String walkFailure(IOException e) {
        if (e instanceof FileSystemLoopException) {
            return "symbolic link cycle: this directory links back to one that contains it; not followed";
        }
        if (e instanceof NoSuchFileException) {
            return "broken symbolic link";
        }
        return e instanceof AccessDeniedException ? "permission denied" : "cannot list directory: " + e.getMessage();
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
