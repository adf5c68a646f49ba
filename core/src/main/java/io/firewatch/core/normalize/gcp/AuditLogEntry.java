package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.normalize.DistinctRules;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.normalize.Times;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Cloud Audit Logs {@code LogEntry} ({@code protoPayload} with {@code logName}/{@code insertId}), as a log sink
 * writes it and as Eventarc's {@code LogEntryData}. Data-lake renderings ({@code at_sign_type} for {@code @type},
 * {@code p_*} columns) are no GCP transport's format and are left unrecognised.
 *
 * <p>A long-running Compute operation logs a {@code first} entry (with the request) and a {@code last} one (on
 * completion, without it); each alerts on its own, and both get the operation id as change key, so a scan merges them
 * into one alert and separate invocations give alerts with the same id.
 */
final class AuditLogEntry implements Normalizer {
    private static final Set<String> FAILED_SEVERITIES = Set.of("ERROR", "CRITICAL", "ALERT", "EMERGENCY");

    private final OperationCatalog catalog;

    AuditLogEntry(OperationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean recognizes(JsonNode document) {
        JsonNode payload = document.get("protoPayload");
        return payload != null && payload.isObject() && (document.has("logName") || document.has("insertId"))
                && !payload.has("at_sign_type") && !document.has("p_log_type");
    }

    @Override
    public void normalize(JsonNode entry, Origin origin, Sink out) {
        JsonNode payload = entry.get("protoPayload");
        String method = name(payload, "methodName");
        JsonNode serviceNode = Json.field(payload, "serviceName");
        if (method == null || !serviceNode.isMissingNode() && !serviceNode.isNull() && !serviceNode.isTextual()) {
            String field = method == null ? "methodName" : "serviceName";
            out.problem(new Problem(origin, Problem.Kind.INVALID, "audit log entry whose protoPayload." + field
                    + (Json.field(payload, field).isMissingNode() ? " is missing" : " is not a text value")));
            return;
        }
        String service = serviceNode.isTextual() ? serviceNode.asText() : null;
        Operation op = catalog.gcp(method);
        if (op == null || service != null && !service.equals(op.service())) {
            out.ignored(origin, "not a watched GCP method: " + method);
            return;
        }
        FirewallChange change = change(entry, payload, method, op, why -> out.ignored(origin, why));
        if (change == null) {
            return;
        }
        if (change.time() == null) {
            Times.reportUnreadable(entry, "timestamp", origin, out);
        }
        // A completion entry alerts on its own too (its first entry may sit in another file or invocation, or be
        // lost); both carry the operation id as change key, so a scan merges them and their alerts share one id.
        out.change(change);
    }

    /** A request with content: completion entries log none, or only its {@code @type}. */
    private static boolean carriesRequest(JsonNode payload) {
        JsonNode request = Json.field(payload, "request");
        return request.isObject() && (request.size() > 1 || request.size() == 1 && !request.has("@type"));
    }

    private static String name(JsonNode payload, String field) {
        JsonNode v = Json.field(payload, field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static boolean isCompletionOnly(JsonNode entry) {
        JsonNode operation = Json.field(entry, "operation");
        return Boolean.TRUE.equals(Json.bool(operation, "last")) && !Boolean.TRUE.equals(Json.bool(operation, "first"));
    }

    /** The change an entry states, or null after telling {@code ignore} why the entry is no firewall change. */
    private static FirewallChange change(JsonNode entry, JsonNode payload, String method, Operation op,
                                         Consumer<String> ignore) {
        String resourceName = Json.text(payload, "resourceName");
        JsonNode operation = Json.field(entry, "operation");
        boolean completionOnly = isCompletionOnly(entry);
        String key = Json.firstText(operation, "id");
        if (key == null) {
            key = Json.text(entry, "insertId");
        }
        FirewallChange.Builder b = FirewallChange.builder(Provider.GCP)
                .account(Locations.account(entry, resourceName))
                .region(Locations.region(payload, resourceName))
                .time(Times.first(entry, "timestamp", "receiveTimestamp"))
                .operation(method)
                .action(op.action())
                .target(op.target())
                .resource(new ResourceRef(resourceName, Layer4.lastSegment(resourceName),
                        resourceType(Json.text(entry, "resource.type"), op)))
                .actor(Principals.actor(payload))
                .eventId(key)
                .changeKey(key)
                .raw(entry);
        Outcome outcome = outcome(entry, payload, b);
        RuleParser parser = RuleParsers.named(op.rules());
        if (completionOnly && !carriesRequest(payload) && !parser.completionAlone() && outcome == Outcome.SUCCESS) {
            ignore.accept("completion entry of operation " + key + " (" + method + "): whether it changed a firewall"
                    + " is in the operation's first entry");
            return null;
        }
        if (completionOnly && !carriesRequest(payload)) {
            // The completion entry carries no request; the first entry of the operation has the content.
            return b.rules(List.of(), false).notes(List.of("this is the completion entry of operation " + key
                    + "; the rule content is logged in the operation's first entry")).build();
        }
        RuleInput input = new RuleInput(op, method, Json.field(payload, "request"), Json.field(payload, "resourceOriginalState"),
                op.action(), resourceName);
        ParsedRules parsed = parser.parse(input);
        if (parsed.ignored() != null) {
            ignore.accept(parsed.ignored());
            return null;
        }
        Action action = detach(parsed.action(), method, input.request());
        return b.action(action).rules(DistinctRules.of(parsed.rules()), parsed.known()).previousRules(parsed.previous()).notes(parsed.notes()).build();
    }

    /** Setting a backend's security policy to nothing removes Cloud Armor from it. */
    private static Action detach(Action action, String method, JsonNode request) {
        String verb = method.substring(method.lastIndexOf('.') + 1);
        if (action == Action.ATTACH && verb.startsWith("set") && verb.endsWith("SecurityPolicy")) {
            String policy = Json.text(request, "securityPolicy");
            if (policy == null || policy.isBlank()) {
                return Action.DETACH;
            }
        }
        return action;
    }

    /** Sets the entry's outcome on {@code b} and returns it. */
    private static Outcome outcome(JsonNode entry, JsonNode payload, FirewallChange.Builder b) {
        Integer code = Json.integer(payload, "status.code");
        String severity = Json.text(entry, "severity");
        if (code != null && code != 0) {
            b.outcome(Outcome.FAILURE).errorCode(StatusCodes.name(code));
            return Outcome.FAILURE;
        }
        if (severity != null && FAILED_SEVERITIES.contains(severity.strip().toUpperCase(java.util.Locale.ROOT))) {
            b.outcome(Outcome.FAILURE);
            return Outcome.FAILURE;
        }
        return Outcome.SUCCESS;
    }

    /** The monitored-resource type, unless it is the generic one services log when they have none of their own. */
    private static String resourceType(String logged, Operation op) {
        return logged == null || logged.isBlank() || logged.equals("audited_resource") ? op.resourceType() : logged;
    }
}
