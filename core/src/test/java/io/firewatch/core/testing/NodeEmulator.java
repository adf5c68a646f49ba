package io.firewatch.core.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A cloud-store emulator from npm (dynalite, azurite, a Firestore emulator) run by a test on a free port. The
 * packages live in the project-local folder {@code .ci/run} installs ({@code target/npm} at the repository root, or
 * the folder in {@code -Dfirewatch.npm}). When it is missing the test is skipped with a notice on stderr, unless
 * {@code -Dfirewatch.emulators=required} (as in CI), which fails it instead.
 */
public final class NodeEmulator implements AutoCloseable {
    private static final Pattern PORT = Pattern.compile("FIREWATCH_PORT=(\\d+)");

    private final Process process;
    private final int port;
    private final List<String> output;

    private NodeEmulator(Process process, int port, List<String> output) {
        this.process = process;
        this.port = port;
        this.output = output;
    }

    /** The {@code node_modules} folder holding {@code module}, or a skipped (or, when required, failed) test. */
    public static Path modules(String module) {
        String configured = System.getProperty("firewatch.npm", System.getenv("FIREWATCH_NPM"));
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            candidates.add(dir.resolve("target/npm"));
        }
        for (Path candidate : candidates) {
            Path modules = candidate.resolve("node_modules");
            if (Files.isDirectory(modules.resolve(module))) {
                return modules;
            }
        }
        String why = "npm package " + module + " not found (run .ci/run, or npm install --prefix target/npm)";
        if ("required".equals(System.getProperty("firewatch.emulators"))) {
            Assertions.fail(why + " and -Dfirewatch.emulators=required");
        }
        System.err.println("SKIPPED: " + why + "; test against the real store not run");
        Assumptions.abort(why);
        return null;
    }

    /**
     * Runs {@code script} with node; the script must listen on port 0 and print {@code FIREWATCH_PORT=<port>}.
     */
    public static NodeEmulator start(Path modules, String script) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("node", "-e", script).redirectErrorStream(true);
        builder.environment().put("NODE_PATH", modules.toString());
        Process process = builder.start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = PORT.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
            port.completeExceptionally(new IOException("emulator exited before listening: " + output));
        }, "emulator-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new NodeEmulator(process, port.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("emulator did not start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the emulator (also used by tests to take the store away mid-test). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
