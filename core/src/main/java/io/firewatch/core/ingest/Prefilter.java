package io.firewatch.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import java.util.Set;

/**
 * Decides, while a record is still being read, that it names an operation outside the catalogue, so the rest of it
 * is skipped rather than built into a tree (96 % of an archive's records). It only ever skips a record whose envelope
 * is unmistakable and whose operation name is a well-formed string the catalogue does not hold; anything missing,
 * wrong-typed or unusual is passed through whole, so the normalizers judge or report it.
 */
public final class Prefilter {
    /** Passes every record through. */
    public static final Prefilter NONE = new Prefilter(null);

    private final OperationCatalog catalog;

    private Prefilter(OperationCatalog catalog) {
        this.catalog = catalog;
    }

    public static Prefilter of(OperationCatalog catalog) {
        return new Prefilter(catalog);
    }

    private static final String CLOUDTRAIL_OPERATION = "eventName";
    private static final String ACTIVITY_LOG_OPERATION = "operationName";

    /** A Cloud Logging entry's fields (LogEntry); an entry with any other field is left to the normalizers. */
    private static final Set<String> LOG_ENTRY_FIELDS = Set.of("insertId", "logName", "protoPayload", "receiveTimestamp",
            "resource", "severity", "timestamp", "operation", "labels", "trace", "spanId", "traceSampled",
            "sourceLocation", "httpRequest", "split", "errorGroups", "apphub", "apphubDestination", "apphubSource");

    /** Whether any record can be skipped at all. */
    boolean active() {
        return catalog != null;
    }

    /** Whether the record's fate is settled once field {@code name} has been passed to {@link #skip}. */
    boolean decidesOn(String name) {
        return name.equals(CLOUDTRAIL_OPERATION) || name.equals(ACTIVITY_LOG_OPERATION);
    }

    /**
     * Called once a record's field {@code name} has a string value {@code value}, with the fields read before it.
     * Returns why the record can be skipped (the reason its normalizer would give), or null to keep reading it.
     */
    String skip(ObjectNode before, String name, String value) {
        if (catalog == null) {
            return null;
        }
        if (name.equals(CLOUDTRAIL_OPERATION)) {
            JsonNode source = before.get("eventSource");
            boolean cloudTrail = source != null && source.isTextual() && !source.asText().startsWith("aws:")
                    && (before.has("eventVersion") || before.path("userIdentity").isObject())
                    && !"AwsCloudTrailInsight".equals(before.path("eventType").asText());
            if (cloudTrail && catalog.aws(source.asText(), value) == null) {
                return source.asText() + " " + value + " is not a watched firewall operation";
            }
        } else if (name.equals(ACTIVITY_LOG_OPERATION)) {
            boolean activityLog = before.path("resourceId").isTextual()
                    && (before.path("time").isTextual() || before.path("eventTimestamp").isTextual());
            if (activityLog && catalog.azure(value) == null) {
                return "operation " + value + " is not a watched firewall operation";
            }
        }
        return null;
    }

    /**
     * Called with a Cloud Logging entry's top-level field names and its audit payload's method and service (null when
     * absent). Returns why the entry can be skipped (the reason its normalizer would give), or null to read it whole.
     */
    String skipLogEntry(Set<String> fields, String method, String service) {
        if (catalog == null || method == null || method.isBlank() || !LOG_ENTRY_FIELDS.containsAll(fields)
                || !(fields.contains("logName") || fields.contains("insertId"))) {
            return null;
        }
        Operation op = catalog.gcp(method);
        if (op == null || service != null && !service.equals(op.service())) {
            return "not a watched GCP method: " + method;
        }
        return null;
    }
}
