package io.firewatch.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.delivery.ClaimStore;
import io.firewatch.core.delivery.ClaimStoreException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Delivery claims in an Azure Table Storage table, over its REST API with the JDK's HttpClient (the Azure SDK would
 * double the function's start-up). One entity per {@code alertId#sink}: PartitionKey is the key's SHA-256 in hex
 * (alert ids may hold characters keys must not: {@code / \ # ?}, control characters), RowKey {@code claim}, and the
 * properties {@code Key} (the readable key, shortened), {@code State} pending or done, {@code Owner} the claiming
 * attempt, {@code LeaseUntil} and {@code ExpiresAt}. Every write is conditional: an insert (409 when the entity
 * exists), a replace or delete with {@code If-Match} on the ETag just read (412 when another instance changed it
 * first); the ETag of the claim this instance wrote is kept, so completing or releasing it takes one call. Table
 * Storage has no TTL, so an entity past {@code ExpiresAt} counts as absent and is overwritten.
 * Nothing but the one table is touched; no query or scan is ever made. With an account key, a missing table is created.
 */
final class TableClaimStore implements ClaimStore {
    static final String TABLE_URL = "FIREWATCH_DEDUP_TABLE_URL";
    static final String CONNECTION = "FIREWATCH_DEDUP_CONNECTION";
    /** The table a connection string alone leads to: the one Terraform creates. */
    static final String DEFAULT_TABLE = "firewatchclaims";
    /** The first version that accepts OAuth tokens for Table Storage. */
    static final String API_VERSION = "2019-02-02";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,62}");
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final String ROW = "claim";
    private static final String JSON = "application/json";
    private static final String PENDING = "pending";
    private static final String DONE = "done";
    private static final int MAX_READABLE_KEY = 1024;
    private static final int ATTEMPTS = 4;
    private static final int MAX_HELD = 1_000;
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI table;
    private final String tableName;
    private final TableAuthorization auth;
    private final Clock clock;
    /** Claims this instance holds, by key and owner: what it wrote last. Bounded: an abandoned send leaves one. */
    private final Map<String, Written> ours = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
            return size() > MAX_HELD;
        }
    };

    private record Written(String etag, Instant leaseUntil) {
    }

    /** {@code table} is the table's URL ({@code https://ACCOUNT.table.core.windows.net/TABLE}, or Azurite's path form). */
    TableClaimStore(HttpClient http, URI table, TableAuthorization auth, Clock clock) {
        this.http = http;
        this.table = table;
        this.tableName = table.getPath().substring(table.getPath().lastIndexOf('/') + 1);
        this.auth = auth;
        this.clock = clock;
    }

    /**
     * The store CONTRACT §4 settings name, or null when neither is set. {@code FIREWATCH_DEDUP_TABLE_URL} alone uses
     * the managed identity; {@code FIREWATCH_DEDUP_CONNECTION} signs with the account key and, without the URL, uses
     * its Table endpoint and the table {@value #DEFAULT_TABLE}. Throws {@link ConfigException} on a malformed setting.
     */
    static TableClaimStore fromEnvironment(Map<String, String> env) {
        String url = blankToNull(env.get(TABLE_URL));
        String connection = blankToNull(env.get(CONNECTION));
        if (url == null && connection == null) {
            return null;
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
        if (connection == null) {
            ManagedIdentityTokens tokens = new ManagedIdentityTokens(http,
                    blankToNull(env.get(ArmRuleEnricher.IDENTITY_ENDPOINT)), blankToNull(env.get(ArmRuleEnricher.IDENTITY_HEADER)),
                    TableAuthorization.ManagedIdentity.RESOURCE, Clock.systemUTC());
            return new TableClaimStore(http, tableUrl(TABLE_URL, url), new TableAuthorization.ManagedIdentity(tokens),
                    Clock.systemUTC());
        }
        StorageConnection storage = StorageConnection.parse(CONNECTION, connection);
        URI table = url != null ? tableUrl(TABLE_URL, url) : tableUrl(CONNECTION, storage.tableEndpoint() + "/" + DEFAULT_TABLE);
        return new TableClaimStore(http, table, new TableAuthorization.SharedKey(storage.account(), storage.key()),
                Clock.systemUTC());
    }

    private static URI tableUrl(String setting, String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException(setting + " is not a valid URL");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !TABLE_NAME.matcher(path.substring(path.lastIndexOf('/') + 1)).matches()) {
            throw new ConfigException(setting + " must be the table's URL, https://ACCOUNT.table.core.windows.net/TABLE"
                    + " (a table name is 3 to 63 letters and digits, starting with a letter; no query)");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
    }

    URI table() {
        return table;
    }

    @Override
    public Outcome claim(String key, String owner, Instant now, Instant leaseUntil, Instant expiresAt)
            throws ClaimStoreException {
        String partition = partition(key);
        String body = entity(partition, key, PENDING, owner, leaseUntil, expiresAt);
        for (int i = 0; i < ATTEMPTS; i++) {
            Response inserted = send("POST", table, body, null);
            if (inserted.status() == 201 || inserted.status() == 204) {
                return taken(key, owner, leaseUntil, inserted);
            }
            if (inserted.status() == 404 && auth instanceof TableAuthorization.SharedKey) {
                createTable();
                continue;
            }
            if (inserted.status() != 409) {
                throw failure("insert", inserted);
            }
            Claim held = read(partition);
            if (held == null) {
                continue;
            }
            if (held.live(now) && DONE.equals(held.state())) {
                return Outcome.DONE;
            }
            if (held.live(now) && held.leaseUntil().isAfter(now)) {
                return Outcome.BUSY;
            }
            Response replaced = send("PUT", entityUri(partition), body, held.etag());
            if (replaced.status() == 204) {
                return taken(key, owner, leaseUntil, replaced);
            }
            if (replaced.status() != 412 && replaced.status() != 404) {
                throw failure("take over", replaced);
            }
            // another instance changed it first: look again
        }
        // Others won every race for this key: it is being worked on right now.
        return Outcome.BUSY;
    }

    /**
     * With an account key (a connection string, Azurite) the table is created when missing; the managed identity is
     * granted rows of an existing table only, so there a missing table stays an error to fix in Terraform.
     */
    private void createTable() throws ClaimStoreException {
        String url = table.toString();
        Response created = send("POST", URI.create(url.substring(0, url.lastIndexOf('/')) + "/Tables"),
                "{\"TableName\":\"" + tableName + "\"}", null);
        if (created.status() != 201 && created.status() != 204 && created.status() != 409) {
            throw failure("create table " + tableName, created);
        }
    }

    /** Remembers the ETag of the claim just written, so completing or releasing it needs no read. */
    private Outcome taken(String key, String owner, Instant leaseUntil, Response written) {
        if (written.etag() != null) {
            written(key, owner, leaseUntil, written.etag());
        }
        return Outcome.TAKEN;
    }

    private void written(String key, String owner, Instant leaseUntil, String etag) {
        synchronized (ours) {
            ours.put(key + '\u0000' + owner, new Written(etag, leaseUntil));
        }
    }

    private Written ours(String key, String owner) {
        synchronized (ours) {
            return ours.remove(key + '\u0000' + owner);
        }
    }

    @Override
    public void complete(String key, String owner, Instant expiresAt) throws ClaimStoreException {
        String partition = partition(key);
        Written mine = ours(key, owner);
        if (mine != null) {
            Response replaced = send("PUT", entityUri(partition),
                    entity(partition, key, DONE, owner, mine.leaseUntil(), expiresAt), mine.etag());
            if (replaced.status() == 204 || replaced.status() == 404) {
                return;
            }
            if (replaced.status() != 412) {
                throw failure("complete", replaced);
            }
            // changed since we wrote it: read what is there now
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            Claim held = read(partition);
            if (held == null || !owner.equals(held.owner())) {
                // another instance took the lease over after ours ran out; its own outcome stands
                return;
            }
            Response replaced = send("PUT", entityUri(partition),
                    entity(partition, key, DONE, owner, held.leaseUntil(), expiresAt), held.etag());
            if (replaced.status() == 204 || replaced.status() == 404) {
                return;
            }
            if (replaced.status() != 412) {
                throw failure("complete", replaced);
            }
        }
        throw new ClaimStoreException("Table Storage claim in " + tableName + " kept changing while it was completed", false);
    }

    @Override
    public void release(String key, String owner) throws ClaimStoreException {
        String partition = partition(key);
        Written mine = ours(key, owner);
        if (mine != null) {
            Response deleted = send("DELETE", entityUri(partition), null, mine.etag());
            if (deleted.status() == 204 || deleted.status() == 404) {
                return;
            }
            if (deleted.status() != 412) {
                throw failure("release", deleted);
            }
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            Claim held = read(partition);
            if (held == null || !owner.equals(held.owner()) || !PENDING.equals(held.state())) {
                // no longer ours: nothing to give back
                return;
            }
            Response deleted = send("DELETE", entityUri(partition), null, held.etag());
            if (deleted.status() == 204 || deleted.status() == 404) {
                return;
            }
            if (deleted.status() != 412) {
                throw failure("release", deleted);
            }
        }
        throw new ClaimStoreException("Table Storage claim in " + tableName + " kept changing while it was released", false);
    }

    /**
     * Runs the request path of a claim up to the point of sending (key hashing, entity JSON, date, signing), so the
     * first real claim does not pay for class loading. Opens no connection and asks for no token.
     */
    void prime() {
        try {
            String partition = partition("priming#priming");
            Instant now = clock.instant();
            String body = entity(partition, "priming#priming", PENDING, "priming", now, now);
            HttpRequest.Builder request = request("POST", table, body, null);
            if (auth instanceof TableAuthorization.SharedKey) {
                auth.authorize(request, "POST", JSON, table, HTTP_DATE.format(now));
            }
            request.build();
        } catch (ClaimStoreException | RuntimeException e) {
            // Priming only saves time: the first claim does the same work.
        }
    }

    /** The claim as stored, or null when there is none. */
    private Claim read(String partition) throws ClaimStoreException {
        Response got = send("GET", entityUri(partition), null, null);
        if (got.status() == 404) {
            return null;
        }
        if (got.status() != 200) {
            throw failure("read", got);
        }
        try {
            JsonNode e = MAPPER.readTree(got.body());
            return new Claim(e.path("State").asText(""), e.path("Owner").asText(""),
                    instant(e.path("LeaseUntil").asText("")), instant(e.path("ExpiresAt").asText("")), got.etag());
        } catch (JsonProcessingException e) {
            throw new ClaimStoreException("Table Storage answered a claim in " + tableName + " that is not JSON", false);
        }
    }

    /** What another instance left: an unreadable time counts as past, so the claim can be taken over. */
    private record Claim(String state, String owner, Instant leaseUntil, Instant expiresAt, String etag) {
        boolean live(Instant now) {
            return expiresAt.isAfter(now) && (DONE.equals(state) || PENDING.equals(state));
        }
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return Instant.EPOCH;
        }
    }

    private record Response(int status, String etag, String body, String errorCode) {
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
            throw new ClaimStoreException("Table Storage " + tableName + " did not answer in time", false, e);
        } catch (IOException e) {
            throw new ClaimStoreException("Table Storage " + tableName + " could not be reached: "
                    + e.getClass().getSimpleName(), false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClaimStoreException("interrupted while asking Table Storage " + tableName, false, e);
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

    private static ClaimStoreException failure(String action, Response response) {
        boolean throttled = response.status() == 429 || response.status() == 503;
        String code = response.errorCode() == null ? "" : " " + LogSafe.id(response.errorCode());
        return new ClaimStoreException("Table Storage " + action + " refused: HTTP " + response.status() + code, throttled);
    }

    private URI entityUri(String partition) {
        return URI.create(table + "(PartitionKey='" + partition + "',RowKey='" + ROW + "')");
    }

    private static String entity(String partition, String key, String state, String owner, Instant leaseUntil,
            Instant expiresAt) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("PartitionKey", partition);
        e.put("RowKey", ROW);
        e.put("Key", readable(key));
        e.put("State", state);
        e.put("Owner", owner);
        e.put("LeaseUntil", leaseUntil.toString());
        e.put("LeaseUntil@odata.type", "Edm.DateTime");
        e.put("ExpiresAt", expiresAt.toString());
        e.put("ExpiresAt@odata.type", "Edm.DateTime");
        return e.toString();
    }

    private static String readable(String key) {
        if (key.length() <= MAX_READABLE_KEY) {
            return key;
        }
        int end = Character.isHighSurrogate(key.charAt(MAX_READABLE_KEY - 1)) ? MAX_READABLE_KEY - 1 : MAX_READABLE_KEY;
        return key.substring(0, end) + "…";
    }

    /** A key Table Storage accepts whatever the alert id holds. */
    static String partition(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
