package io.firewatch.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.delivery.ClaimStore;
import io.firewatch.core.delivery.ClaimStoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Delivery claims in an Azure Table Storage table, over its REST API ({@link TableService}: the Azure SDK would double
 * the function's start-up). One entity per {@code alertId#sink}: PartitionKey is the key's SHA-256 in hex (alert ids
 * may hold characters keys must not: {@code / \ # ?}, control characters), RowKey {@code claim}, and the properties
 * {@code Key} (the readable key, shortened), {@code State} pending or done, {@code Owner} the claiming attempt,
 * {@code LeaseUntil} and {@code ExpiresAt}. Every write is conditional: an insert (409 when the entity exists), a
 * replace or delete with {@code If-Match} on the ETag last seen (412 when another instance changed it first); the ETag
 * of the claim this instance wrote is kept, so completing or releasing it takes one call. Table Storage has no TTL,
 * so an entity past {@code ExpiresAt} counts as absent and is overwritten. Nothing but the one table is touched; no
 * query or scan is ever made. With an account key, a missing table is created.
 */
final class TableClaimStore implements ClaimStore {
    static final String TABLE_URL = "FIREWATCH_DEDUP_TABLE_URL";
    static final String CONNECTION = "FIREWATCH_DEDUP_CONNECTION";
    /** The table a connection string alone leads to: the one Terraform creates. */
    static final String DEFAULT_TABLE = "firewatchclaims";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,62}");
    private static final String ROW = "claim";
    private static final String PENDING = "pending";
    private static final String DONE = "done";
    private static final int MAX_READABLE_KEY = 1024;
    private static final int ATTEMPTS = 4;
    private static final int MAX_HELD = 1_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TableService table;
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

    TableClaimStore(TableService table, Clock clock) {
        this.table = table;
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
        Clock clock = Clock.systemUTC();
        if (connection == null) {
            ManagedIdentityTokens tokens = new ManagedIdentityTokens(http,
                    blankToNull(env.get(ArmRuleEnricher.IDENTITY_ENDPOINT)), blankToNull(env.get(ArmRuleEnricher.IDENTITY_HEADER)),
                    TableAuthorization.ManagedIdentity.RESOURCE, clock);
            return new TableClaimStore(new TableService(http, tableUrl(TABLE_URL, url),
                    new TableAuthorization.ManagedIdentity(tokens), clock), clock);
        }
        StorageConnection storage = StorageConnection.parse(CONNECTION, connection);
        URI table = url != null ? tableUrl(TABLE_URL, url) : tableUrl(CONNECTION, storage.tableEndpoint() + "/" + DEFAULT_TABLE);
        return new TableClaimStore(new TableService(http, table,
                new TableAuthorization.SharedKey(storage.account(), storage.key()), clock), clock);
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
        return table.url();
    }

    @Override
    public Outcome claim(String key, String owner, Instant now, Instant leaseUntil, Instant expiresAt)
            throws ClaimStoreException {
        String partition = partition(key);
        String body = entity(partition, key, PENDING, owner, leaseUntil, expiresAt);
        for (int i = 0; i < ATTEMPTS; i++) {
            TableService.Response inserted = table.insert(body);
            if (inserted.ok()) {
                return taken(key, owner, leaseUntil, inserted);
            }
            if (inserted.status() == 404 && table.createsTables()) {
                table.create();
                continue;
            }
            if (inserted.status() != 409) {
                throw table.refused("insert", inserted);
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
            TableService.Response replaced = table.replace(partition, ROW, body, held.etag());
            if (replaced.ok()) {
                return taken(key, owner, leaseUntil, replaced);
            }
            if (replaced.status() != 412 && replaced.status() != 404) {
                throw table.refused("take over", replaced);
            }
            // another instance changed it first: look again
        }
        // Others won every race for this key: it is being worked on right now.
        return Outcome.BUSY;
    }

    @Override
    public void complete(String key, String owner, Instant expiresAt) throws ClaimStoreException {
        String partition = partition(key);
        Written mine = forget(key, owner);
        if (mine != null && settled(table.replace(partition, ROW,
                entity(partition, key, DONE, owner, mine.leaseUntil(), expiresAt), mine.etag()), "complete")) {
            return;
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            Claim held = read(partition);
            if (held == null || !owner.equals(held.owner())) {
                // another instance took the lease over after ours ran out; its own outcome stands
                return;
            }
            if (settled(table.replace(partition, ROW, entity(partition, key, DONE, owner, held.leaseUntil(), expiresAt),
                    held.etag()), "complete")) {
                return;
            }
        }
        throw new ClaimStoreException("Table Storage claim in " + table.name() + " kept changing while it was completed", false);
    }

    @Override
    public void release(String key, String owner) throws ClaimStoreException {
        String partition = partition(key);
        Written mine = forget(key, owner);
        if (mine != null && settled(table.delete(partition, ROW, mine.etag()), "release")) {
            return;
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            Claim held = read(partition);
            if (held == null || !owner.equals(held.owner()) || !PENDING.equals(held.state())) {
                // no longer ours: nothing to give back
                return;
            }
            if (settled(table.delete(partition, ROW, held.etag()), "release")) {
                return;
            }
        }
        throw new ClaimStoreException("Table Storage claim in " + table.name() + " kept changing while it was released", false);
    }

    /** True when a conditional write is over (done, or the entity is gone); false when it changed first (412). */
    private boolean settled(TableService.Response written, String action) throws ClaimStoreException {
        if (written.ok() || written.status() == 404) {
            return true;
        }
        if (written.status() == 412) {
            return false;
        }
        throw table.refused(action, written);
    }

    /**
     * Runs the request path of a claim up to the point of sending (key hashing, entity JSON, date, signing), so the
     * first real claim does not pay for class loading. Opens no connection and asks for no token.
     */
    void prime() {
        try {
            Instant now = clock.instant();
            table.prime(entity(partition("priming#priming"), "priming#priming", PENDING, "priming", now, now));
        } catch (ClaimStoreException | RuntimeException e) {
            // Priming only saves time: the first claim does the same work.
        }
    }

    /** Remembers the ETag of the claim just written, so completing or releasing it needs no read. */
    private Outcome taken(String key, String owner, Instant leaseUntil, TableService.Response written) {
        if (written.etag() != null) {
            synchronized (ours) {
                ours.put(key + '\u0000' + owner, new Written(written.etag(), leaseUntil));
            }
        }
        return Outcome.TAKEN;
    }

    private Written forget(String key, String owner) {
        synchronized (ours) {
            return ours.remove(key + '\u0000' + owner);
        }
    }

    /** The claim as stored, or null when there is none. */
    private Claim read(String partition) throws ClaimStoreException {
        TableService.Response got = table.get(partition, ROW);
        if (got.status() == 404) {
            return null;
        }
        if (got.status() != 200) {
            throw table.refused("read", got);
        }
        try {
            JsonNode e = MAPPER.readTree(got.body());
            return new Claim(e.path("State").asText(""), e.path("Owner").asText(""),
                    instant(e.path("LeaseUntil").asText("")), instant(e.path("ExpiresAt").asText("")), got.etag());
        } catch (JsonProcessingException e) {
            throw new ClaimStoreException("Table Storage answered a claim in " + table.name() + " that is not JSON", false);
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
