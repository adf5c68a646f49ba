package io.firewatch.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.delivery.VersionedClaimStore;
import io.firewatch.core.delivery.ClaimStoreException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
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
final class TableClaimStore extends VersionedClaimStore {
    static final String TABLE_URL = "FIREWATCH_DEDUP_TABLE_URL";
    static final String CONNECTION = "FIREWATCH_DEDUP_CONNECTION";
    /** The table a connection string alone leads to: the one Terraform creates. */
    static final String DEFAULT_TABLE = "firewatchclaims";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{2,62}");
    private static final String ROW = "claim";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TableService table;
    private final Clock clock;

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
    protected Written create(Claim claim) throws ClaimStoreException {
        TableService.Response inserted = table.insert(entity(claim));
        if (inserted.status() == 404 && table.createsTables()) {
            table.create();
            inserted = table.insert(entity(claim));
        }
        if (inserted.ok()) {
            return new Written(Result.WRITTEN, inserted.etag());
        }
        if (inserted.status() == 409) {
            return Written.as(Result.EXISTS);
        }
        throw table.refused("insert", inserted);
    }

    @Override
    protected Claim read(String key) throws ClaimStoreException {
        TableService.Response got = table.get(partition(key), ROW);
        if (got.status() == 404) {
            return null;
        }
        if (got.status() != 200) {
            throw table.refused("read", got);
        }
        try {
            JsonNode e = MAPPER.readTree(got.body());
            return new Claim(key, e.path("State").asText(""), e.path("Owner").asText(""),
                    instant(e.path("LeaseUntil").asText("")), instant(e.path("ExpiresAt").asText("")), got.etag());
        } catch (JsonProcessingException e) {
            throw new ClaimStoreException("Table Storage answered a claim in " + table.name() + " that is not JSON", false);
        }
    }

    @Override
    protected Written replace(Claim claim, String version) throws ClaimStoreException {
        return conditional(table.replace(partition(claim.key()), ROW, entity(claim), version), "replace");
    }

    @Override
    protected Written delete(String key, String version) throws ClaimStoreException {
        return conditional(table.delete(partition(key), ROW, version), "delete");
    }

    @Override
    protected String describe() {
        return "Table Storage table " + table.name();
    }

    private Written conditional(TableService.Response written, String action) throws ClaimStoreException {
        if (written.ok()) {
            return new Written(Result.WRITTEN, written.etag());
        }
        if (written.status() == 404) {
            return Written.as(Result.GONE);
        }
        if (written.status() == 412) {
            return Written.as(Result.CHANGED);
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
            table.prime(entity(new Claim("priming#priming", PENDING, "priming", now, now, null)));
        } catch (ClaimStoreException | RuntimeException e) {
            // Priming only saves time: the first claim does the same work.
        }
    }

    /** An unreadable time counts as past, so the claim can be taken over. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String entity(Claim claim) {
        ObjectNode e = MAPPER.createObjectNode();
        e.put("PartitionKey", partition(claim.key()));
        e.put("RowKey", ROW);
        e.put("Key", readable(claim.key()));
        e.put("State", claim.state());
        e.put("Owner", claim.owner());
        e.put("LeaseUntil", claim.leaseUntil().toString());
        e.put("LeaseUntil@odata.type", "Edm.DateTime");
        e.put("ExpiresAt", claim.expiresAt().toString());
        e.put("ExpiresAt@odata.type", "Edm.DateTime");
        return e.toString();
    }

    /** A key Table Storage accepts whatever the alert id holds. */
    static String partition(String key) {
        return hashed(key);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
