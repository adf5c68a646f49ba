package io.firewatch.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.delivery.ClaimStoreException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The two Firestore REST v1 calls the claims need, on the documents of one collection: {@code documents:commit} with a
 * single write (each write carries its precondition) and a get of one document. Answers come back as they are: the
 * HTTP status, the gRPC status name of an error, and the document or write result.
 */
final class FirestoreDocuments {
    static final String PRODUCTION = "https://firestore.googleapis.com";

    /** Codes Google's retry guidance calls transient: worth waiting and asking again. */
    private static final Set<String> TRANSIENT = Set.of("RESOURCE_EXHAUSTED", "UNAVAILABLE", "ABORTED", "DEADLINE_EXCEEDED");
    private static final Pattern GRPC_CODE = Pattern.compile("[A-Z_]{1,40}");
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final java.time.Duration CALL_TIMEOUT = java.time.Duration.ofSeconds(5);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** How the calls are authorized: a bearer token for each. */
    interface Credentials {
        String bearer() throws ClaimStoreException;
    }

    /** Where the database is: its project may only be known on first use (from the metadata server). */
    interface Project {
        String id() throws ClaimStoreException;
    }

    /** An answer: the HTTP status, the error's gRPC status name (null on success) and the JSON body. */
    record Response(int status, String error, JsonNode body) {
        boolean ok() {
            return status == 200;
        }

        boolean is(String code) {
            return code.equals(error);
        }
    }

    private final HttpClient http;
    private final URI base;
    private final Project project;
    private final String database;
    private final String collection;
    private final Credentials credentials;
    private volatile String root;

    FirestoreDocuments(HttpClient http, URI base, Project project, String database, String collection, Credentials credentials) {
        this.http = http;
        this.base = base;
        this.project = project;
        this.database = database;
        this.collection = collection;
        this.credentials = credentials;
    }

    String collection() {
        return collection;
    }

    String database() {
        return database;
    }

    /** The full resource name of document {@code id} in the collection. */
    String name(String id) throws ClaimStoreException {
        if (!DOCUMENT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("document ids are hashed keys");
        }
        return root() + "/documents/" + collection + "/" + id;
    }

    /** Commits one write: 200 with {@code writeResults[0].updateTime}, or the error its precondition or the store gave. */
    Response commit(ObjectNode write) throws ClaimStoreException {
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("writes").add(write);
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/" + root() + "/documents:commit"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** Gets one document: 200 with it, or 404 NOT_FOUND. */
    Response get(String id) throws ClaimStoreException {
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/" + name(id))).GET());
    }

    /** The failure an unexpected answer stands for: throttled when Google calls its code transient. */
    ClaimStoreException refused(String action, Response response) {
        boolean transientCode = response.error() != null && TRANSIENT.contains(response.error());
        boolean throttled = transientCode || response.status() == 429 || response.status() == 503;
        String code = response.error() == null ? "" : " " + response.error();
        return new ClaimStoreException("Firestore " + action + " in " + collection + " refused: HTTP " + response.status()
                + code, throttled);
    }

    /** Builds a commit request without sending it or asking for a token (warm-up). */
    void prime(ObjectNode write) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putArray("writes").add(write);
        HttpRequest.newBuilder(URI.create(base + "/v1/projects/priming/databases/" + database + "/documents:commit"))
                .timeout(CALL_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private String root() throws ClaimStoreException {
        String r = root;
        if (r == null) {
            r = "projects/" + project.id() + "/databases/" + database;
            root = r;
        }
        return r;
    }

    private Response send(HttpRequest.Builder request) throws ClaimStoreException {
        request.timeout(CALL_TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + credentials.bearer());
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ClaimStoreException("Firestore did not answer in time", false, e);
        } catch (IOException e) {
            throw new ClaimStoreException("Firestore could not be reached: " + e.getClass().getSimpleName(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClaimStoreException("interrupted while asking Firestore", false, e);
        }
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            // A proxy's HTML error page, say: the status still tells what happened.
            body = MAPPER.createObjectNode();
        }
        String error = response.statusCode() == 200 ? null : body.path("error").path("status").asText("");
        if (error != null && !GRPC_CODE.matcher(error).matches()) {
            error = "(no status)";
        }
        return new Response(response.statusCode(), error, body);
    }
}
