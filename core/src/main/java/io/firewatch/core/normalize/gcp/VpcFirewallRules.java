package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gcp-firewall}: a VPC firewall rule from {@code compute.firewalls.insert|update|patch}. Insert and update log
 * the whole rule; a patch logs only the changed fields, so its effect is {@code resourceOriginalState} with the request
 * laid over it. The audit log pluralises repeated fields ({@code alloweds}, {@code denieds}); both spellings are read.
 */
final class VpcFirewallRules implements RuleParser {
    /** Request fields that describe the call, not the rule. */
    private static final Set<String> NOT_RULE_FIELDS = Set.of("@type", "fingerprint", "kind", "id", "selfLink",
            "creationTimestamp");
    static final int DEFAULT_PRIORITY = 1000;

    @Override
    public ParsedRules parse(RuleInput in) {
        boolean patch = in.verb().equals("patch");
        ObjectNode request = canonical(in.request());
        ObjectNode original = in.hasOriginalState() ? canonical(in.originalState()) : null;
        ObjectNode effective = patch && original != null ? overlay(original, request) : request;
        List<String> notes = new ArrayList<>();
        Action action = refine(in.action(), request, original);
        String fallbackName = Layer4.lastSegment(in.resourceName());

        List<Rule> previous = List.of();
        if (original != null && !Boolean.TRUE.equals(Json.bool(original, "disabled"))) {
            previous = read(original, fallbackName, new ArrayList<>());
        }
        if (patch && original == null) {
            notes.add("the patch carries only the changed fields and the event has no prior state of the rule");
            return new ParsedRules(action, List.of(), false, previous, notes);
        }
        if (!hasProtocols(effective)) {
            notes.add("the event names no allowed or denied protocols for the rule");
            return new ParsedRules(action, List.of(), false, previous, notes);
        }
        boolean disabled = Boolean.TRUE.equals(Json.bool(effective, "disabled"));
        if (disabled && action != Action.DISABLE) {
            notes.add("firewall rule " + name(effective, fallbackName) + " is disabled: it admits and blocks nothing");
            return new ParsedRules(action, List.of(), true, previous, notes);
        }
        List<Rule> rules = read(effective, fallbackName, notes);
        return new ParsedRules(action, rules, true, previous, notes);
    }

    /**
     * DISABLE when the change switches an enabled rule off (whatever else it sets: a disabled rule's other fields
     * have no effect on traffic); ENABLE when switching it on is the only change.
     */
    private static Action refine(Action action, ObjectNode request, ObjectNode original) {
        if (action != Action.MODIFY) {
            return action;
        }
        Set<String> changed = changedFields(request, original);
        Boolean now = Json.bool(request, "disabled");
        Boolean before = original == null ? null : Boolean.TRUE.equals(Json.bool(original, "disabled"));
        if (!changed.contains("disabled") || now == null) {
            return action;
        }
        if (now && !Boolean.TRUE.equals(before)) {
            return Action.DISABLE;
        }
        if (!now && !Boolean.FALSE.equals(before) && changed.size() == 1) {
            return Action.ENABLE;
        }
        return action;
    }

    /** The rule fields the request sets to a value other than the prior one. */
    private static Set<String> changedFields(ObjectNode request, ObjectNode original) {
        Set<String> changed = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> fields = request.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (NOT_RULE_FIELDS.contains(f.getKey())) {
                continue;
            }
            JsonNode before = original == null ? null : original.get(f.getKey());
            if (before == null || !same(before, f.getValue())) {
                changed.add(f.getKey());
            }
        }
        return changed;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isValueNode() && b.isValueNode()) {
            return a.asText().equals(b.asText());
        }
        return a.equals(b);
    }

    /**
     * A copy with the singular REST names ({@code allowed}, {@code denied}) folded into the audit log's plurals; an
     * entry carrying both spellings keeps the entries of both.
     */
    static ObjectNode canonical(JsonNode node) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        if (node == null || !node.isObject()) {
            return copy;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = switch (f.getKey()) {
                case "allowed" -> "alloweds";
                case "denied" -> "denieds";
                default -> f.getKey();
            };
            if (copy.has(key) && (key.equals("alloweds") || key.equals("denieds"))) {
                ArrayNode both = JsonNodeFactory.instance.arrayNode();
                Json.items(copy.get(key)).forEach(both::add);
                Json.items(f.getValue()).forEach(both::add);
                copy.set(key, both);
            } else {
                copy.set(key, f.getValue());
            }
        }
        return copy;
    }

    /** The prior state with every rule field of the request laid over it (a patch replaces lists whole). */
    private static ObjectNode overlay(ObjectNode original, ObjectNode request) {
        ObjectNode merged = original.deepCopy();
        request.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("@type")) {
                merged.set(f.getKey(), f.getValue());
            }
        });
        return merged;
    }

    private static boolean hasProtocols(JsonNode rule) {
        return !Json.items(Json.field(rule, "alloweds")).isEmpty() || !Json.items(Json.field(rule, "denieds")).isEmpty();
    }

    private static String name(JsonNode rule, String fallback) {
        String n = Json.text(rule, "name");
        return n == null || n.isBlank() ? fallback : n;
    }

    /** The rules one firewall rule states: one per protocol entry and port range. */
    static List<Rule> read(JsonNode rule, String fallbackName, List<String> notes) {
        Direction direction = Layer4.direction(Json.text(rule, "direction"));
        String name = name(rule, fallbackName);
        Integer priority = Json.integer(rule, "priority");
        if (priority == null) {
            priority = DEFAULT_PRIORITY;
        }
        List<String> sources = new ArrayList<>(Json.texts(Json.field(rule, "sourceRanges")));
        Json.texts(Json.field(rule, "sourceTags")).forEach(t -> sources.add("tag:" + t));
        Json.texts(Json.field(rule, "sourceServiceAccounts")).forEach(s -> sources.add("serviceAccount:" + s));
        List<String> destinations = new ArrayList<>(Json.texts(Json.field(rule, "destinationRanges")));
        boolean implied = false;
        if (direction == Direction.INGRESS && sources.isEmpty()) {
            sources.add("0.0.0.0/0");
            implied = true;
        }
        if (direction == Direction.EGRESS && destinations.isEmpty()) {
            destinations.add("0.0.0.0/0");
        }
        List<Rule> out = new ArrayList<>();
        for (JsonNode allowed : Json.items(Json.field(rule, "alloweds"))) {
            Layer4.expand(direction, Access.ALLOW, Json.text(allowed, "IPProtocol"), Json.texts(Json.field(allowed, "ports")),
                    sources, destinations, name, priority, out, notes);
        }
        for (JsonNode denied : Json.items(Json.field(rule, "denieds"))) {
            Layer4.expand(direction, Access.DENY, Json.text(denied, "IPProtocol"), Json.texts(Json.field(denied, "ports")),
                    sources, destinations, name, priority, out, notes);
        }
        List<String> targets = new ArrayList<>();
        Json.texts(Json.field(rule, "targetTags")).forEach(t -> targets.add("tag:" + t));
        Json.texts(Json.field(rule, "targetServiceAccounts")).forEach(t -> targets.add("serviceAccount:" + t));
        String network = Json.text(rule, "network");
        String description = Json.text(rule, "description");
        out.replaceAll(r -> r.withContext(description == null || description.isBlank() ? null : description,
                network == null ? null : network.substring(network.lastIndexOf('/') + 1), targets));
        if (implied && out.stream().anyMatch(r -> r.access() == Access.ALLOW)) {
            notes.add("firewall rule " + name + " names no source range, tag or service account, so GCP applies it to"
                    + " 0.0.0.0/0 (implied source)");
        }
        return out;
    }
}
