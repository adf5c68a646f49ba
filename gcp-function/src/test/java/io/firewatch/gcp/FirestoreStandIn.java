package io.firewatch.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Firestore REST v1 stand-in for the two calls the claims make, {@code documents:commit} and a document get, with
 * Firestore's documented semantics: a commit's writes are atomic; a precondition {@code exists: false} on an existing
 * document fails ALREADY_EXISTS (409), {@code exists: true} on a missing one NOT_FOUND (404), a stale
 * {@code updateTime} FAILED_PRECONDITION (400); every write gives the document a new {@code updateTime} (microseconds,
 * RFC 3339) returned in {@code writeResults}; errors are {@code {"error": {"code", "message", "status"}}}; a database
 * other than the one served is NOT_FOUND. No Firestore emulator that runs here speaks REST and enforces
 * {@code updateTime} preconditions (see the gcp-function README), hence this stand-in.
 */
final class FirestoreStandIn implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final String root;
    private final Map<String, ObjectNode> documents = new LinkedHashMap<>();
    private final Deque<int[]> faults = new ArrayDeque<>();
    private final Deque<String> faultCodes = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private Instant clock = Instant.parse("2026-12-05T09:00:00.000001Z");
    private String[] racer;

    private FirestoreStandIn(String project, String database) throws IOException {
        this.root = "projects/" + project + "/databases/" + database;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
    }

    static FirestoreStandIn start(String project, String database) throws IOException {
        return new FirestoreStandIn(project, database);
    }

    /** {@code FIRESTORE_EMULATOR_HOST}. */
    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every document, as a get would answer it. */
    synchronized List<JsonNode> documents() {
        return new ArrayList<>(documents.values());
    }

    /** Every request: {@code METHOD path | Authorization | body}. */
    List<String> requests() {
        return requests;
    }

    /**
     * Right after the next get of an existing document is answered, another instance takes it over: owner
     * {@code owner}, a lease to {@code leaseUntil}, a new updateTime.
     */
    synchronized void anotherInstanceWritesAfterNextRead(String owner, Instant leaseUntil) {
        racer = new String[] {owner, leaseUntil.toString()};
    }

    /** The next request is answered with this error instead. */
    synchronized void failNext(int status, String code) {
        faults.add(new int[] {status});
        faultCodes.add(code);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + path + " | "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " | " + body);
            Answer answer;
            synchronized (this) {
                answer = faults.isEmpty() ? answer(exchange.getRequestMethod(), path.substring("/v1/".length()), body)
                        : error(faults.poll()[0], faultCodes.poll(), "injected");
            }
            byte[] bytes = answer.body().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer answer(String method, String path, String body) {
        if ("GET".equals(method) && path.startsWith(root + "/documents/")) {
            ObjectNode document = documents.get(path);
            if (document == null) {
                return error(404, "NOT_FOUND", "Document \"" + path + "\" not found.");
            }
            Answer read = new Answer(200, document.deepCopy());
            if (racer != null) {
                ObjectNode fields = (ObjectNode) document.path("fields");
                fields.putObject("owner").put("stringValue", racer[0]);
                fields.putObject("leaseUntil").put("timestampValue", racer[1]);
                clock = clock.plus(1, ChronoUnit.MICROS);
                document.put("updateTime", clock.toString());
                racer = null;
            }
            return read;
        }
        if ("POST".equals(method) && path.equals(root + "/documents:commit")) {
            return commit(body);
        }
        if (!path.startsWith(root + "/")) {
            return error(404, "NOT_FOUND", "The database does not exist for the project.");
        }
        return error(404, "NOT_FOUND", "no such method");
    }

    private Answer commit(String body) {
        JsonNode writes;
        try {
            writes = MAPPER.readTree(body).path("writes");
        } catch (IOException e) {
            return error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
        }
        if (!writes.isArray() || writes.size() != 1) {
            return error(400, "INVALID_ARGUMENT", "this stand-in takes one write per commit");
        }
        JsonNode write = writes.get(0);
        String name = write.has("delete") ? write.path("delete").asText() : write.path("update").path("name").asText();
        if (!name.startsWith(root + "/documents/") || name.substring((root + "/documents/").length()).split("/").length != 2) {
            return error(400, "INVALID_ARGUMENT", "Document name \"" + name + "\" is not valid here.");
        }
        ObjectNode current = documents.get(name);
        JsonNode precondition = write.path("currentDocument");
        if (precondition.has("exists")) {
            if (precondition.path("exists").asBoolean() && current == null) {
                return error(404, "NOT_FOUND", "No document to update: " + name);
            }
            if (!precondition.path("exists").asBoolean() && current != null) {
                return error(409, "ALREADY_EXISTS", "Document already exists: " + name);
            }
        }
        if (precondition.has("updateTime")) {
            if (current == null) {
                return error(404, "NOT_FOUND", "No document to update: " + name);
            }
            if (!precondition.path("updateTime").asText().equals(current.path("updateTime").asText())) {
                return error(400, "FAILED_PRECONDITION", "the stored version does not match the required base version");
            }
        }
        clock = clock.plus(1, ChronoUnit.MICROS);
        String updateTime = clock.toString();
        if (write.has("delete")) {
            documents.remove(name);
        } else {
            ObjectNode document = MAPPER.createObjectNode();
            document.put("name", name);
            document.set("fields", write.path("update").path("fields"));
            document.put("createTime", current == null ? updateTime : current.path("createTime").asText());
            document.put("updateTime", updateTime);
            documents.put(name, document);
        }
        ObjectNode answer = MAPPER.createObjectNode();
        ObjectNode result = answer.putArray("writeResults").addObject();
        if (!write.has("delete")) {
            result.put("updateTime", updateTime);
        }
        answer.put("commitTime", updateTime);
        return new Answer(200, answer);
    }

    private static Answer error(int status, String code, String message) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", status);
        error.put("message", message);
        error.put("status", code);
        return new Answer(status, body);
    }
}
