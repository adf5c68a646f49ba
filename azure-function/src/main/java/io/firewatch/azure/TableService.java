package io.firewatch.azure;

import io.firewatch.core.delivery.ClaimStoreException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Table Storage REST calls on one table's entities (insert, get, replace and delete by key), authorized and with
 * JSON without OData metadata. Answers are returned as they come; a call that gets no answer throws.
 */
final class TableService {
    /** The first version that accepts OAuth tokens for Table Storage. */
    static final String API_VERSION = "2019-02-02";

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final String JSON = "application/json";
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]{1,512}");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** An answer: its status, the entity's ETag, the body and Table Storage's error code. */
    record Response(int status, String etag, String body, String errorCode) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final URI table;
    private final String name;
    private final TableAuthorization auth;
    private final Clock clock;

    /** {@code table} is the table's URL ({@code https://ACCOUNT.table.core.windows.net/TABLE}, or Azurite's path form). */
    TableService(HttpClient http, URI table, TableAuthorization auth, Clock clock) {
        this.http = http;
        this.table = table;
        this.name = table.getPath().substring(table.getPath().lastIndexOf('/') + 1);
        this.auth = auth;
        this.clock = clock;
    }

    URI url() {
        return table;
    }

    String name() {
        return name;
    }

    /** True when the credentials may create the table (an account key); the managed identity is granted rows only. */
    boolean createsTables() {
        return auth instanceof TableAuthorization.SharedKey;
    }

    /** Inserts an entity: 204 when created, 409 when one with its keys exists, 404 when the table does not. */
    Response insert(String entity) throws ClaimStoreException {
        return send("POST", table, entity, null);
    }

    Response get(String partition, String row) throws ClaimStoreException {
        return send("GET", entityUrl(partition, row), null, null);
    }

    /** Replaces an entity if its ETag is still {@code etag}: 204, or 412 when it changed. */
    Response replace(String partition, String row, String entity, String etag) throws ClaimStoreException {
        return send("PUT", entityUrl(partition, row), entity, etag);
    }

    /** Deletes an entity if its ETag is still {@code etag}: 204, or 412 when it changed. */
    Response delete(String partition, String row, String etag) throws ClaimStoreException {
        return send("DELETE", entityUrl(partition, row), null, etag);
    }

    /** Creates the table (an existing one is fine). */
    void create() throws ClaimStoreException {
        String url = table.toString();
        Response created = send("POST", URI.create(url.substring(0, url.lastIndexOf('/')) + "/Tables"),
                "{\"TableName\":\"" + name + "\"}", null);
        if (!created.ok() && created.status() != 409) {
            throw refused("create table " + name, created);
        }
    }

    /** The failure an unexpected answer stands for: throttled on 429 and 503 (ServerBusy), so worth retrying. */
    ClaimStoreException refused(String action, Response response) {
        boolean throttled = response.status() == 429 || response.status() == 503;
        String code = response.errorCode() == null ? "" : " " + LogSafe.id(response.errorCode());
        return new ClaimStoreException("Table Storage " + action + " refused: HTTP " + response.status() + code, throttled);
    }

    /** Builds and signs an insert of {@code entity} without sending it or asking for a token (warm-up). */
    void prime(String entity) throws ClaimStoreException {
        HttpRequest.Builder request = request("POST", table, entity, null);
        if (createsTables()) {
            auth.authorize(request, "POST", JSON, table, HTTP_DATE.format(clock.instant()));
        }
        request.build();
    }

    private Response send(String method, URI uri, String body, String ifMatch) throws ClaimStoreException {
        HttpRequest.Builder request = request(method, uri, body, ifMatch);
        String date = HTTP_DATE.format(clock.instant());
        request.header("x-ms-date", date);
        auth.authorize(request, method, body == null ? null : JSON, uri, date);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.body(), response.headers().firstValue("x-ms-error-code").orElse(null));
        } catch (HttpTimeoutException e) {
            throw new ClaimStoreException("Table Storage " + name + " did not answer in time", false, e);
        } catch (IOException e) {
            throw new ClaimStoreException("Table Storage " + name + " could not be reached: "
                    + e.getClass().getSimpleName(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClaimStoreException("interrupted while asking Table Storage " + name, false, e);
        }
    }

    private HttpRequest.Builder request(String method, URI uri, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT)
                .header("x-ms-version", API_VERSION)
                .header("Accept", "application/json;odata=nometadata")
                .header("DataServiceVersion", "3.0")
                .header("MaxDataServiceVersion", "3.0;NetFx")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", JSON);
        }
        if ("POST".equals(method)) {
            request.header("Prefer", "return-no-content");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request;
    }

    /** Only plain keys (letters, digits, {@code -_}): they then need no escaping in the URL or the signature. */
    private URI entityUrl(String partition, String row) {
        if (!PLAIN_KEY.matcher(partition).matches() || !PLAIN_KEY.matcher(row).matches()) {
            throw new IllegalArgumentException("table keys must be plain: encode them first");
        }
        return URI.create(table + "(PartitionKey='" + partition + "',RowKey='" + row + "')");
    }
}
