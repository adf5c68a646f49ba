package io.firewatch.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.catalog.OperationCatalog;

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

    /**
     * Called once a record's field {@code name} has a string value {@code value}, with the fields read before it.
     * Returns why the record can be skipped (the reason its normalizer would give), or null to keep reading it.
     */
    String skip(ObjectNode before, String name, String value) {
        if (catalog == null) {
            return null;
        }
        if (name.equals("eventName")) {
            JsonNode source = before.get("eventSource");
            boolean cloudTrail = source != null && source.isTextual() && !source.asText().startsWith("aws:")
                    && (before.has("eventVersion") || before.path("userIdentity").isObject())
                    && !"AwsCloudTrailInsight".equals(before.path("eventType").asText());
            if (cloudTrail && catalog.aws(source.asText(), value) == null) {
                return source.asText() + " " + value + " is not a watched firewall operation";
            }
        } else if (name.equals("operationName")) {
            boolean activityLog = before.path("resourceId").isTextual()
                    && (before.path("time").isTextual() || before.path("eventTimestamp").isTextual());
            if (activityLog && catalog.azure(value) == null) {
                return "operation " + value + " is not a watched firewall operation";
            }
        }
        return null;
    }
}
