package io.firewatch.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API (2018-06-01) as far as a runtime client uses it: {@code invocation/next} hands out queued
 * events with the platform's headers, {@code invocation/{id}/response|error} and {@code init/error} complete the
 * caller's futures. Runs on loopback only.
 */
final class RuntimeApiStub implements AutoCloseable {
    private static final String BASE = "/2018-06-01/runtime/";

    /** What the runtime answered for one invocation: a response body, or an error document. */
    record Answer(boolean error, String body) {
    }

    private final HttpServer server;
    private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Answer>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile boolean closed;

    RuntimeApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext(BASE, this::handle);
        server.start();
    }

    /** host:port, the value of AWS_LAMBDA_RUNTIME_API. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an event; the future completes when the runtime posts its answer. */
    CompletableFuture<Answer> invoke(byte[] event, long timeoutMillis) {
        String id = "req-" + ids.incrementAndGet();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        answers.put(id, answer);
        events.add(new String[] {id, new String(event, StandardCharsets.UTF_8), Long.toString(System.currentTimeMillis() + timeoutMillis)});
        return answer;
    }

    CompletableFuture<String> initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(BASE.length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
            } else if (path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String id = path.substring("invocation/".length(), path.lastIndexOf('/'));
                CompletableFuture<Answer> answer = answers.get(id);
                if (answer != null) {
                    answer.complete(new Answer(path.endsWith("/error"), new String(body, StandardCharsets.UTF_8)));
                }
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (path.equals("init/error")) {
                initError.complete(new String(body, StandardCharsets.UTF_8));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else {
                reply(exchange, 404, "{\"errorType\":\"NotFound\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        String[] event = null;
        while (event == null && !closed) {
            try {
                event = events.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (event == null) {
            reply(exchange, 500, "{\"errorType\":\"ShuttingDown\"}");
            return;
        }
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", event[0]);
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", event[2]);
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-1:111122223333:function:firewatch:live");
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-6746e1c1-3b2f4a5c6d7e8f9a0b1c2d3e;Parent=1a2b3c4d5e6f7a8b;Sampled=0");
        reply(exchange, 200, event[1]);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
