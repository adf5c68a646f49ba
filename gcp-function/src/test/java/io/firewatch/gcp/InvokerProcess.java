package io.firewatch.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The deployment jar running in Google's Functions Framework invoker (the runtime Cloud Functions uses), in a child
 * JVM on a free localhost port, with its stdout kept so tests can read the function's structured log lines.
 */
final class InvokerProcess implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String TARGET = "io.firewatch.gcp.AuditLogFunction";

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InvokerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static InvokerProcess start(String name, Map<String, String> env) throws IOException, InterruptedException {
        Path invoker = Path.of(requiredProperty("firewatch.invoker.jar"));
        Path jar = Path.of(requiredProperty("firewatch.deployment.jar"));
        Path logDir = jar.getParent().resolve("it-logs");
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", invoker.toString(),
                "--classpath", jar.toString(), "--target", TARGET, "--port", Integer.toString(port));
        pb.environment().keySet().removeIf(k -> k.startsWith("FIREWATCH_") || k.equals("FUNCTION_SIGNATURE_TYPE"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        InvokerProcess started = new InvokerProcess(pb.start(), log, port);
        started.awaitServing(Duration.ofSeconds(40));
        return started;
    }

    private void awaitServing(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the invoker exited with " + process.exitValue() + ":\n" + output());
            }
            if (output().contains("Serving function")) {
                return;
            }
            Thread.sleep(100);
        }
        close();
        throw new IllegalStateException("the invoker did not start in " + timeout + ":\n" + output());
    }

    HttpResponse<String> post(Map<String, String> headers, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The function's own log lines (JSON objects); the invoker's plain-text lines are skipped. */
    List<JsonNode> logLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output().split("\n")) {
            if (line.startsWith("{")) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException(name + " is not set: run this test through Maven (integration-test phase)");
        }
        return value;
    }
}
