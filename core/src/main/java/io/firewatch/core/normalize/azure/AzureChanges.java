package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.catalog.OperationCatalog;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Target;
import io.firewatch.core.normalize.DistinctRules;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the normalized change from what any Azure transport says about one ARM call. Event Grid, CloudEvents and
 * the Activity Log differ in where they put things, not in what a change is.
 */
final class AzureChanges {

    /** A request or response body carried by the record, with the words that name it in a note. */
    record LabeledBody(String label, Bodies.Body body) {
    }

    /**
     * What a record says about one call.
     *
     * @param operationName the operation exactly as the record spells it
     * @param correlationId ARM's id shared by every record (and transport) of one call
     * @param eventId       the record's own id, used when there is no correlation id
     * @param created       the record shows the write created the resource (status "Created")
     * @param bodies        request/response bodies in order of preference (the response is what ARM stored)
     * @param location      the record's own location field
     */
    record Facts(String operationName, Operation operation, Instant time, String correlationId, String eventId,
                 String resourceId, String subscriptionId, Outcome outcome, String errorCode, Actor actor,
                 boolean created, List<LabeledBody> bodies, String location, JsonNode raw) {
    }

    private final Map<String, String> canonicalTypes = new HashMap<>();

    AzureChanges(OperationCatalog catalog) {
        for (Operation o : catalog.operations(Provider.AZURE)) {
            canonicalTypes.putIfAbsent(o.resourceType().toLowerCase(Locale.ROOT), o.resourceType());
        }
    }

    /**
     * Hands on the change a record states, or says why it is none after all: a subnet or network interface write
     * that keeps its network security group, or a successful one whose record carries no body to tell.
     */
    void emit(Facts f, Origin origin, Normalizer.Sink out) {
        NsgAssociations.Finding association = f.operation().rules().equals(NsgAssociations.PARSER)
                ? NsgAssociations.read(f.operationName(), ArmId.parse(f.resourceId()).name(), f.bodies())
                : null;
        if (association != null && (association.kind() == NsgAssociations.Kind.KEPT
                || association.kind() == NsgAssociations.Kind.NO_BODY && f.outcome() == Outcome.SUCCESS)) {
            out.ignored(origin, association.why());
            return;
        }
        out.change(build(f, association));
    }

    /** {@code association}: what an {@code nsg-association} write does to its NSG, else null. */
    private FirewallChange build(Facts f, NsgAssociations.Finding association) {
        Operation op = f.operation();
        ArmId arm = ArmId.parse(f.resourceId());
        Action action = op.action() == Action.MODIFY && f.created() ? Action.CREATE : op.action();

        List<String> notes = new ArrayList<>();
        List<Rule> rules = List.of();
        boolean rulesKnown = op.rules().equals("none");
        if (association != null) {
            // Judged for its NSG association alone: detached (known, no rules), or unknown when no body could be read.
            rulesKnown = association.kind() == NsgAssociations.Kind.DETACHED;
            action = rulesKnown ? Action.DETACH : Action.MODIFY;
            notes.add(association.why());
        }
        if (action == Action.DELETE && allowOnly(op)) {
            // Nothing to look up, and nothing to fear: this kind of rule can only let traffic in.
            rulesKnown = true;
            notes.add("deleted " + (op.target() == Target.RULE ? "rule " : "rule collection ") + arm.name()
                    + ": rules of this kind only allow traffic, so the delete removes access and cannot remove a deny rule");
        }
        String region = null;
        String bodyName = null;
        Map<String, String> tags = new LinkedHashMap<>();
        // Every body counts: the request states what was asked, the response what ARM stored; their rules are merged.
        boolean readRules = !rulesKnown && action != Action.DELETE && association == null;
        boolean complete = true;
        boolean anyRead = false;
        List<Rule> read = new ArrayList<>();
        for (LabeledBody lb : f.bodies()) {
            Bodies.Body b = lb.body();
            if (b.unreadable()) {
                notes.add("the " + lb.label() + " in the record is cut short or not JSON, so its rules could not be read");
                complete = false;
                continue;
            }
            if (!b.present()) {
                continue;
            }
            region = region != null ? region : location(Json.text(b.node(), "location"));
            bodyName = bodyName != null ? bodyName : Json.text(b.node(), "name");
            if (tags.isEmpty()) {
                tags.putAll(tags(Json.field(b.node(), "tags")));
            }
            if (readRules) {
                Optional<AzureRules.RuleSet> set = AzureRules.read(op.rules(), f.operationName(), b.node(), arm.name());
                if (set.isPresent()) {
                    anyRead = true;
                    complete &= set.get().complete();
                    read.addAll(set.get().rules());
                    set.get().notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
                }
            }
        }
        if (readRules) {
            rules = DistinctRules.of(read);
            rulesKnown = anyRead && complete;
        }
        if (region == null && !"global".equals(location(f.location()))) {
            region = location(f.location());
        }
        String name = bodyName != null && bodyName.equalsIgnoreCase(arm.name()) ? bodyName : arm.name();
        String type = arm.type() == null ? op.resourceType()
                : canonicalTypes.getOrDefault(arm.type().toLowerCase(Locale.ROOT), arm.type());
        String account = f.subscriptionId() != null && !f.subscriptionId().isBlank()
                ? f.subscriptionId().strip().toLowerCase(Locale.ROOT) : arm.subscription();
        String base = f.correlationId() != null ? f.correlationId() : f.eventId();
        String changeKey = base == null ? null : base + "|" + f.operationName().toLowerCase(Locale.ROOT) + "|"
                + (f.resourceId() == null ? "" : f.resourceId().toLowerCase(Locale.ROOT));

        return FirewallChange.builder(Provider.AZURE)
                .account(account)
                .region(region)
                .time(f.time())
                .operation(f.operationName())
                .action(action)
                .target(op.target())
                .outcome(f.outcome())
                .errorCode(f.outcome() == Outcome.FAILURE ? f.errorCode() : null)
                .resource(new ResourceRef(f.resourceId(), name, type))
                .actor(f.actor())
                .rules(rules, rulesKnown)
                .eventId(base)
                .changeKey(changeKey)
                .tags(tags)
                .notes(notes)
                .raw(f.raw())
                .build();
    }

    /** Database server firewall rules and DNAT rule collections have no deny form. */
    private static boolean allowOnly(Operation op) {
        return op.rules().equals("db-firewall-rule")
                || op.operation().toLowerCase(Locale.ROOT).contains("/natrulecollections/");
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return out;
    }

    /** A location's programmatic name: some bodies (SQL) give the display name, "West Europe" for "westeurope". */
    private static String location(String v) {
        return v == null || v.isBlank() ? null : v.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
