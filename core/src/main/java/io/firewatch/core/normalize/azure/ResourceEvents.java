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
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Microsoft.Resources.Resource*} events of a subscription's Event Grid system topic, whichever schema
 * delivered them: the payload ({@code data}) is the same in the Event Grid and CloudEvents schemas. It names the
 * call, the caller and the resource but carries no request or response body, so rule content stays unknown.
 */
final class ResourceEvents {
    private static final Pattern RESOURCE_EVENT =
            Pattern.compile("Microsoft\\.Resources\\.Resource(Write|Delete|Action)(Success|Failure|Cancel)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBSCRIPTION = Pattern.compile("^/?subscriptions/([^/]+)", Pattern.CASE_INSENSITIVE);

    private final OperationCatalog catalog;
    private final AzureChanges changes;

    ResourceEvents(OperationCatalog catalog, AzureChanges changes) {
        this.catalog = catalog;
        this.changes = changes;
    }

    /**
     * @param schema  "Event Grid" or "CloudEvents", for messages
     * @param topic   the Event Grid topic or CloudEvents source ({@code /subscriptions/<id>})
     */
    void handle(String schema, String type, String id, String time, String subject, String topic, JsonNode data,
                JsonNode raw, Origin origin, Normalizer.Sink out) {
        Matcher m = RESOURCE_EVENT.matcher(type == null ? "" : type.strip());
        if (!m.matches()) {
            out.ignored(origin, schema + " event of type " + type + " is not an ARM resource change");
            return;
        }
        if (data != null && data.isTextual()) {
            data = Bodies.read(data).node();
        }
        if (data == null || !data.isObject()) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, schema + " event " + type + " has no data object"));
            return;
        }
        JsonNode named = Json.field(data, "operationName");
        String operationName = named.isTextual() ? named.asText() : named.isMissingNode() ? Json.text(data, "authorization.action") : null;
        if (operationName == null || operationName.isBlank()) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, schema + " event " + type
                    + " whose data.operationName is " + (named.isMissingNode() ? "missing" : "not a text value")));
            return;
        }
        Operation op = catalog.azure(operationName);
        if (op == null) {
            out.ignored(origin, "operation " + operationName + " is not a watched firewall operation");
            return;
        }
        String suffix = m.group(2).toLowerCase(Locale.ROOT);
        String status = Json.text(data, "status");
        boolean failed = !suffix.equals("success") || status != null
                && (status.equalsIgnoreCase("Failed") || status.equalsIgnoreCase("Canceled") || status.equalsIgnoreCase("Cancelled"));
        String errorCode = suffix.equals("cancel") ? "Canceled" : null;
        String subscription = Json.text(data, "subscriptionId");
        if (subscription == null && topic != null) {
            Matcher s = SUBSCRIPTION.matcher(topic.strip());
            subscription = s.find() ? s.group(1) : null;
        }
        Instant when = Times.parse(time);
        if (when == null) {
            Times.reportUnreadable(raw, schema.equals("Event Grid") ? "eventTime" : "time", origin, out);
        }
        AzureChanges.Facts facts = new AzureChanges.Facts(
                operationName, op, when, blankToNull(Json.text(data, "correlationId")), id,
                resourceId(data, subject), subscription, failed ? Outcome.FAILURE : Outcome.SUCCESS, errorCode,
                AzureActors.of(Json.field(data, "claims"), Json.field(data, "authorization"), Json.field(data, "httpRequest"),
                        null, null, Json.text(data, "httpRequest.userAgent")),
                false, List.of(), null, raw);
        changes.emit(facts, origin, out);
    }

    private static String resourceId(JsonNode data, String subject) {
        String id = Json.firstText(data, "resourceUri", "authorization.scope");
        return id != null ? id : blankToNull(subject);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }
}
