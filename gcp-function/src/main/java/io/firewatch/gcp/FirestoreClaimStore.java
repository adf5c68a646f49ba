package io.firewatch.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.delivery.ClaimStoreException;
import io.firewatch.core.delivery.VersionedClaimStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Delivery claims in a Firestore (native mode) collection, over the REST API ({@link FirestoreDocuments}: the Firestore
 * client library and its gRPC stack would several times the function's start-up). One document per
 * {@code alertId#sink}, its id the key's SHA-256 in hex, with the fields {@code key} (readable, shortened),
 * {@code state} pending or done, {@code owner} the claiming attempt, {@code leaseUntil} and {@code expiresAt}
 * (timestamps; the TTL policy of {@code infra/gcp} deletes on {@code expiresAt}). Every write is one commit with a
 * precondition: {@code exists: false} to claim, the {@code updateTime} last seen to take over, complete or release
 * (FAILED_PRECONDITION when another instance changed it first). The TTL deletes within a day or so, so a document past
 * {@code expiresAt} counts as absent. No query, list or other collection is ever touched.
 */
final class FirestoreClaimStore extends VersionedClaimStore {
    static final String COLLECTION = "FIREWATCH_DEDUP_COLLECTION";
    static final String DATABASE = "FIREWATCH_DEDUP_DATABASE";
    static final String EMULATOR_HOST = "FIRESTORE_EMULATOR_HOST";
    static final String DEFAULT_DATABASE = "(default)";
    /** The project of an emulator's claims when no setting names one ({@code demo-}: Firebase's offline-only prefix). */
    static final String EMULATOR_PROJECT = "demo-firewatch";
    /** Where Google's tools look for the project, in their order; without one, the metadata server says. */
    static final String[] PROJECT_SETTINGS = {"GOOGLE_CLOUD_PROJECT", "GCLOUD_PROJECT", "GCP_PROJECT"};

    private static final Pattern COLLECTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern DATABASE_ID = Pattern.compile("\\(default\\)|[a-z][a-z0-9-]{2,61}[a-z0-9]");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}|\\[[0-9A-Fa-f:]+]:[0-9]{1,5}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FirestoreDocuments documents;
    private final Clock clock;

    FirestoreClaimStore(FirestoreDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    /**
     * The store CONTRACT §4 names, or null without {@value #COLLECTION}. Against Firestore the calls carry the
     * service account's token from the metadata server; with {@value #EMULATOR_HOST} they go to the emulator
     * unauthenticated, as Google's client libraries do. Throws {@link ConfigException} on a malformed setting.
     */
    static FirestoreClaimStore fromEnvironment(Map<String, String> env) {
        String collection = blankToNull(env.get(COLLECTION));
        if (collection == null) {
            return null;
        }
        collection = collection.strip();
        if (!COLLECTION_ID.matcher(collection).matches() || collection.startsWith("__")) {
            throw new ConfigException(COLLECTION + " must be a collection id: 1 to 100 letters, digits, '-' or '_'");
        }
        String database = blankToNull(env.get(DATABASE));
        database = database == null ? DEFAULT_DATABASE : database.strip();
        if (!DATABASE_ID.matcher(database).matches()) {
            throw new ConfigException(DATABASE + " must be (default) or a database id: 4 to 63 lower-case letters, digits"
                    + " or '-', starting with a letter");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
        Clock clock = Clock.systemUTC();
        String emulator = blankToNull(env.get(EMULATOR_HOST));
        FirestoreDocuments.Project project = project(env, http, emulator != null);
        FirestoreDocuments documents;
        if (emulator != null) {
            if (!HOST_PORT.matcher(emulator.strip()).matches()) {
                throw new ConfigException(EMULATOR_HOST + " must be HOST:PORT");
            }
            documents = new FirestoreDocuments(http, URI.create("http://" + emulator.strip()), project, database, collection,
                    () -> "owner");
        } else {
            MetadataTokens tokens = new MetadataTokens(http, MetadataTokens.DEFAULT_URL, clock);
            documents = new FirestoreDocuments(http, URI.create(FirestoreDocuments.PRODUCTION), project, database, collection,
                    () -> {
                        try {
                            return tokens.token();
                        } catch (MetadataTokens.TokenException e) {
                            throw new ClaimStoreException("no token for Firestore: " + e.getMessage(), false);
                        }
                    });
        }
        return new FirestoreClaimStore(documents, clock);
    }

    private static FirestoreDocuments.Project project(Map<String, String> env, HttpClient http, boolean emulated) {
        for (String setting : PROJECT_SETTINGS) {
            String id = blankToNull(env.get(setting));
            if (id != null) {
                if (!MetadataProject.PROJECT_ID.matcher(id.strip()).matches()) {
                    throw new ConfigException(setting + " is not a project id");
                }
                String project = id.strip();
                return () -> project;
            }
        }
        if (emulated) {
            // An emulator serves any project, and there is no metadata server beside it.
            return () -> EMULATOR_PROJECT;
        }
        MetadataProject metadata = new MetadataProject(http, MetadataProject.DEFAULT_URL);
        return () -> {
            try {
                return metadata.id();
            } catch (MetadataTokens.TokenException e) {
                throw new ClaimStoreException("the project of the Firestore database is unknown: " + e.getMessage(), false);
            }
        };
    }

    /** The collection and database in words, for the start-up log line. */
    @Override
    protected String describe() {
        return "Firestore collection " + documents.collection() + " of database " + documents.database();
    }

    @Override
    protected Written create(Claim claim) throws ClaimStoreException {
        FirestoreDocuments.Response committed = documents.commit(write(claim, precondition("exists", false)));
        if (committed.ok()) {
            return new Written(Result.WRITTEN, updateTime(committed));
        }
        if (committed.status() == 409 && committed.is("ALREADY_EXISTS")) {
            return Written.as(Result.EXISTS);
        }
        throw documents.refused("create", committed);
    }

    @Override
    protected Claim read(String key) throws ClaimStoreException {
        FirestoreDocuments.Response got = documents.get(hashed(key));
        if (got.status() == 404) {
            return null;
        }
        if (!got.ok()) {
            throw documents.refused("read", got);
        }
        String version = got.body().path("updateTime").asText("");
        if (version.isEmpty()) {
            // Without it no write could be conditional: better no claim (and a possible duplicate) than a blind one.
            throw new ClaimStoreException("Firestore answered a claim in " + documents.collection() + " without its updateTime", false);
        }
        JsonNode fields = got.body().path("fields");
        return new Claim(key, fields.path("state").path("stringValue").asText(""),
                fields.path("owner").path("stringValue").asText(""),
                instant(fields.path("leaseUntil").path("timestampValue").asText("")),
                instant(fields.path("expiresAt").path("timestampValue").asText("")), version);
    }

    @Override
    protected Written replace(Claim claim, String version) throws ClaimStoreException {
        return conditional(documents.commit(write(claim, updatedAt(version))), "replace");
    }

    @Override
    protected Written delete(String key, String version) throws ClaimStoreException {
        ObjectNode write = MAPPER.createObjectNode();
        write.put("delete", documents.name(hashed(key)));
        write.set("currentDocument", updatedAt(version));
        return conditional(documents.commit(write), "delete");
    }

    /** Runs the request path of a claim up to sending (hashing, JSON, request), so the first claim skips class loading. */
    void prime() {
        try {
            Instant now = clock.instant();
            ObjectNode write = MAPPER.createObjectNode();
            write.set("update", document("projects/priming/databases/priming/documents/priming/" + hashed("priming"),
                    new Claim("priming#priming", PENDING, "priming", now, now, null)));
            write.set("currentDocument", precondition("exists", false));
            documents.prime(write);
        } catch (RuntimeException e) {
            // Priming only saves time: the first claim does the same work.
        }
    }

    private Written conditional(FirestoreDocuments.Response committed, String action) throws ClaimStoreException {
        if (committed.ok()) {
            return new Written(Result.WRITTEN, updateTime(committed));
        }
        if (committed.status() == 404) {
            return Written.as(Result.GONE);
        }
        if (committed.is("FAILED_PRECONDITION")) {
            return Written.as(Result.CHANGED);
        }
        throw documents.refused(action, committed);
    }

    private ObjectNode write(Claim claim, ObjectNode precondition) throws ClaimStoreException {
        ObjectNode write = MAPPER.createObjectNode();
        write.set("update", document(documents.name(hashed(claim.key())), claim));
        write.set("currentDocument", precondition);
        return write;
    }

    private static ObjectNode document(String name, Claim claim) {
        ObjectNode document = MAPPER.createObjectNode();
        document.put("name", name);
        ObjectNode fields = document.putObject("fields");
        fields.putObject("key").put("stringValue", readable(claim.key()));
        fields.putObject("state").put("stringValue", claim.state());
        fields.putObject("owner").put("stringValue", claim.owner());
        fields.putObject("leaseUntil").put("timestampValue", claim.leaseUntil().toString());
        fields.putObject("expiresAt").put("timestampValue", claim.expiresAt().toString());
        return document;
    }

    private static ObjectNode precondition(String field, boolean value) {
        ObjectNode precondition = MAPPER.createObjectNode();
        precondition.put(field, value);
        return precondition;
    }

    /** Writes only if the document is still the version read or written last. */
    private static ObjectNode updatedAt(String version) {
        ObjectNode precondition = MAPPER.createObjectNode();
        precondition.put("updateTime", version);
        return precondition;
    }

    private static String updateTime(FirestoreDocuments.Response committed) {
        return committed.body().path("writeResults").path(0).path("updateTime").asText(null);
    }

    /** An unreadable time counts as past, so the claim can be taken over. */
    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return Instant.EPOCH;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
