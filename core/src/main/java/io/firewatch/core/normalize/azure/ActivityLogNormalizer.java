package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.normalize.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One Activity Log record, as a diagnostic setting exports it to Event Hub or storage ({@code {"records":[...]}} is
 * split by the reader). Each ARM write logs a Start record (with the request body), an Accept record (with the
 * response body) and a Success or Failure record under one correlation id; each becomes a change with the same
 * change key, and the scan merges them into one alert. Records of the REST API's shape ({@code operationName.value},
 * {@code status.value}, {@code caller}) are read the same way.
 */
final class ActivityLogNormalizer implements Normalizer {
    private static final Set<String> CHANGE_CATEGORIES = Set.of("administrative", "write", "delete", "action");
    private static final Set<String> FAILED = Set.of("failure", "failed", "canceled", "cancelled", "cancel");
    private static final Set<String> NOT_ERRORS = Set.of("ok", "created", "accepted", "nocontent", "none", "");

    private final OperationCatalog catalog;
    private final AzureChanges changes;

    ActivityLogNormalizer(OperationCatalog catalog, AzureChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
    }

    /**
     * An object with {@code operationName}, a text {@code resourceId} and {@code time} or {@code eventTimestamp}. A
     * recognised record whose operation name or time cannot be read is reported by {@link #normalize}.
     */
    @Override
    public boolean recognizes(JsonNode d) {
        return d.isObject() && d.has("operationName") && Json.field(d, "resourceId").isTextual()
                && (d.has("time") || d.has("eventTimestamp"));
    }

    @Override
    public void normalize(JsonNode d, Origin origin, Sink out) {
        String category = value(d, "category");
        if (category == null) {
            category = Json.text(d, "properties.eventCategory");
        }
        if (category != null && !CHANGE_CATEGORIES.contains(category.strip().toLowerCase(Locale.ROOT))) {
            out.ignored(origin, "Activity Log record of category " + category + " is not an administrative operation");
            return;
        }
        JsonNode named = Json.field(d, "operationName");
        named = named.isObject() ? Json.field(named, "value") : named;
        String operationName = named.isTextual() && !named.asText().isBlank() ? named.asText() : null;
        if (operationName == null) {
            out.problem(new Problem(origin, Problem.Kind.INVALID,
                    "Activity Log record whose operationName is not a text value (or an object with a text value)"));
            return;
        }
        Operation op = catalog.azure(operationName);
        if (op == null) {
            out.ignored(origin, "operation " + operationName + " is not a watched firewall operation");
            return;
        }
        JsonNode properties = Json.field(d, "properties");
        String resultType = first(value(d, "resultType"), value(d, "status"));
        String signature = first(value(d, "resultSignature"), value(d, "subStatus"));
        String statusCode = Json.text(properties, "statusCode");
        boolean failed = resultType != null && FAILED.contains(resultType.strip().toLowerCase(Locale.ROOT));
        JsonNode identity = Json.field(d, "identity");
        String correlationId = blankToNull(Json.text(d, "correlationId"));
        String resourceId = first(blankToNull(Json.text(properties, "entity")), blankToNull(Json.text(d, "resourceId")));

        Instant time = Times.first(d, "time", "eventTimestamp", "time.value", "eventTimestamp.value");
        if (time == null) {
            Times.reportUnreadable(d, d.has("time") ? "time" : "eventTimestamp", origin, out);
        }
        List<AzureChanges.LabeledBody> bodies = new ArrayList<>();
        for (String[] body : new String[][] {{"responseBody", "response body"}, {"requestbody", "request body"}}) {
            Bodies.Body b = Bodies.read(Json.field(properties, body[0]));
            if (b.unreadable()) {
                out.problem(new Problem(origin, Problem.Kind.INVALID, "properties." + body[0]
                        + " is not a JSON object (cut short or of another type); the change is judged without it"));
            }
            bodies.add(new AzureChanges.LabeledBody(body[1], b));
        }
        AzureChanges.Facts facts = new AzureChanges.Facts(
                operationName, op, time, correlationId,
                first(Json.text(d, "eventDataId"), Json.text(d, "id")),
                resourceId, Json.text(d, "subscriptionId"), failed ? Outcome.FAILURE : Outcome.SUCCESS,
                failed ? errorCode(properties, statusCode, signature) : null,
                AzureActors.of(first(Json.field(identity, "claims"), Json.field(d, "claims")),
                        first(Json.field(identity, "authorization"), Json.field(d, "authorization")),
                        Json.field(d, "httpRequest"), Json.text(d, "caller"), Json.text(d, "callerIpAddress"),
                        Json.firstText(d, "httpRequest.userAgent", "properties.userAgent")),
                created(statusCode, signature), bodies,
                value(d, "location"), d);
        changes.emit(facts, origin, out);
    }

    private static boolean created(String statusCode, String signature) {
        if ("Created".equalsIgnoreCase(statusCode)) {
            return true;
        }
        String s = signature == null ? "" : signature.strip().toLowerCase(Locale.ROOT);
        return s.equals("created") || s.endsWith(".created");
    }

    /** The most specific code: ARM's error code in statusMessage, the HTTP status name, or the result signature's. */
    private static String errorCode(JsonNode properties, String statusCode, String signature) {
        Bodies.Body message = Bodies.read(Json.field(properties, "statusMessage"));
        if (message.present()) {
            String code = Json.firstText(message.node(), "error.code", "code");
            if (code != null) {
                return code;
            }
        }
        if (statusCode != null && !NOT_ERRORS.contains(statusCode.strip().toLowerCase(Locale.ROOT))) {
            return statusCode;
        }
        if (signature != null) {
            String s = signature.strip();
            int dot = s.indexOf('.');
            String code = dot >= 0 ? s.substring(dot + 1) : s;
            return NOT_ERRORS.contains(code.toLowerCase(Locale.ROOT)) || code.equalsIgnoreCase("Failed") ? null : code;
        }
        return null;
    }

    /** A scalar's text, or the {@code value} of the REST shape's {@code {"value":..,"localizedValue":..}}. */
    private static String value(JsonNode d, String name) {
        JsonNode v = Json.field(d, name);
        if (v.isObject()) {
            v = Json.field(v, "value");
        }
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static JsonNode first(JsonNode a, JsonNode b) {
        return a.isObject() ? a : b;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
