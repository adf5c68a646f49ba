package io.firewatch.core.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** A Teams Workflows webhook stand-in on a free loopback port for benchmarks: answers 202 and counts the posts. */
public final class WebhookStandIn implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger posts = new AtomicInteger();

    public WebhookStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            posts.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/workflows/bench";
    }

    public int posts() {
        return posts.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
