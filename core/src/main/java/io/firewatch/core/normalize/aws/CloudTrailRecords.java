package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import io.firewatch.core.normalize.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one CloudTrail record into a firewall change, whether it came bare, from a log file or inside an EventBridge
 * event (whose account, region and time fill in what the record lacks). Operations not in the catalogue, read-only
 * calls and records without the catalogue's required field are ignored.
 */
final class CloudTrailRecords {
    /** What an envelope knows about the record it carries; all null for a bare record. */
    record Context(String account, String region, Instant time) {
        static final Context NONE = new Context(null, null, null);
    }

    private final OperationCatalog catalog;

    CloudTrailRecords(OperationCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * True when the document reads as a CloudTrail record: {@code eventName} or {@code eventSource} beside
     * {@code eventVersion} or {@code userIdentity}, or a CloudTrail Insights record. Lambda event-source records
     * ({@code aws:sqs}, {@code aws:s3}) are not. A recognised record whose names are missing or not text is reported
     * by {@link #normalize}, never passed over.
     */
    static boolean looksLikeRecord(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            return false;
        }
        if (isInsight(doc)) {
            return true;
        }
        JsonNode source = doc.get("eventSource");
        if (source != null && source.isTextual() && source.asText().startsWith("aws:")) {
            return false;
        }
        return (doc.has("eventName") || source != null) && (doc.has("eventVersion") || doc.path("userIdentity").isObject());
    }

    /** An Insights record reports an unusual rate of calls, not a call; its event name sits in {@code insightDetails}. */
    private static boolean isInsight(JsonNode doc) {
        return "AwsCloudTrailInsight".equals(doc.path("eventType").asText()) && doc.path("insightDetails").isObject();
    }

    void normalize(JsonNode record, Origin origin, Normalizer.Sink out, Context context) {
        if (isInsight(record)) {
            out.ignored(origin, "CloudTrail Insights record (a call-rate anomaly, not a call)");
            return;
        }
        String eventName = name(record, "eventName");
        String eventSource = name(record, "eventSource");
        if (eventName == null || eventSource == null) {
            String field = eventName == null ? "eventName" : "eventSource";
            out.problem(new Problem(origin, Problem.Kind.INVALID, "CloudTrail record whose " + field
                    + (Json.field(record, field).isMissingNode() ? " is missing" : " is not a text value")));
            return;
        }
        if (Boolean.TRUE.equals(Json.bool(record, "readOnly"))) {
            out.ignored(origin, "read-only call " + eventName);
            return;
        }
        Operation op = catalog.aws(eventSource, eventName);
        if (op == null) {
            out.ignored(origin, eventSource + " " + eventName + " is not a watched firewall operation");
            return;
        }
        if (op.requires() != null && isAbsent(Json.at(record, op.requires()))) {
            out.ignored(origin, eventName + " without " + op.requires() + " changes no firewall");
            return;
        }
        RuleParser parser = RuleParsers.named(op.rules());
        if (parser == null) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, "catalogue names an unknown rule parser '" + op.rules() + "'"));
            return;
        }
        ParsedRules parsed = isAbsent(Json.field(record, "requestParameters")) && !op.rules().startsWith("none")
                ? new ParsedRules(List.of(), false, List.of("the event carries no request parameters"), List.of())
                : parser.parse(record, eventName);
        List<String> notes = new ArrayList<>(parsed.notes());
        for (String field : parsed.unreadable()) {
            out.problem(new Problem(origin, Problem.Kind.INVALID, eventName + ": " + field));
            notes.add("rule content unreadable: " + field);
        }
        String errorCode = Json.text(record, "errorCode");
        if (errorCode != null && errorCode.isBlank()) {
            errorCode = null;
        }
        String eventId = Json.text(record, "eventID");
        Instant time = time(record, context);
        if (time == null) {
            Times.reportUnreadable(record, "eventTime", origin, out);
        }
        FirewallChange change = FirewallChange.builder(Provider.AWS)
                .account(first(Json.text(record, "recipientAccountId"), Json.text(record, "userIdentity.accountId"), context.account()))
                .region(first(Json.text(record, "awsRegion"), context.region()))
                .time(time)
                .operation(eventName)
                .action(op.action())
                .target(op.target())
                .outcome(errorCode != null || refused(record) ? Outcome.FAILURE : Outcome.SUCCESS)
                .errorCode(errorCode)
                .resource(new ResourceRef(firstPath(record, op.resourceId()), firstPath(record, op.resourceName()), op.resourceType()))
                .actor(actor(record))
                .rules(parsed.rules(), parsed.known())
                .eventId(eventId)
                .changeKey(eventId)
                .tags(tags(Json.field(record, "requestParameters")))
                .notes(notes)
                .raw(record)
                .build();
        out.change(change);
    }

    /** A name field's text, or null when it is missing, blank or not text. */
    private static String name(JsonNode record, String field) {
        JsonNode v = Json.field(record, field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }

    private static Instant time(JsonNode record, Context context) {
        Instant t = Times.parse(Json.text(record, "eventTime"));
        return t != null ? t : context.time();
    }

    /** A call that returned normally but reported it did nothing: EC2's {@code _return}, or {@code return} in PascalCase. */
    private static boolean refused(JsonNode record) {
        JsonNode response = Json.field(record, "responseElements");
        return Boolean.FALSE.equals(Json.bool(response, "_return"))
                || Boolean.FALSE.equals(Json.bool(response, "ModifySecurityGroupRulesResponse.return"));
    }

    private static Actor actor(JsonNode record) {
        JsonNode id = Json.field(record, "userIdentity");
        String principal = Json.firstText(id, "arn", "sessionContext.sessionIssuer.arn", "invokedBy", "principalId");
        return new Actor(principal, Json.text(id, "type"), Json.text(record, "sourceIPAddress"), Json.text(record, "userAgent"));
    }

    private static String firstPath(JsonNode record, List<String> paths) {
        for (String p : paths) {
            String v = Json.text(record, p);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /** Tags from EC2's {@code tagSpecificationSet}, else a {@code tags} map or key/value list (GuardDuty, WAF). */
    static Map<String, String> tags(JsonNode request) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode spec : Json.items(Json.field(request, "tagSpecificationSet"))) {
            for (JsonNode tag : Json.items(Json.field(spec, "tags"))) {
                put(tags, Json.text(tag, "key"), Json.text(tag, "value"));
            }
        }
        if (!tags.isEmpty()) {
            return tags;
        }
        JsonNode plain = Json.field(request, "tags");
        if (plain.isObject() && Json.field(plain, "items").isMissingNode()) {
            plain.fields().forEachRemaining(e -> put(tags, e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : null));
        } else {
            for (JsonNode tag : Json.items(plain)) {
                put(tags, Json.text(tag, "key"), Json.text(tag, "value"));
            }
        }
        return tags;
    }

    private static void put(Map<String, String> tags, String key, String value) {
        if (key != null && value != null) {
            tags.putIfAbsent(key, value);
        }
    }

    private static boolean isAbsent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
