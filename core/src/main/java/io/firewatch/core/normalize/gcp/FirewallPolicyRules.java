package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Rules of hierarchical, global and regional network firewall policies ({@code firewallPolicies},
 * {@code networkFirewallPolicies}, {@code regionNetworkFirewallPolicies}) and of the legacy
 * {@code organizationSecurityPolicies}. {@code gcp-policy-rule} reads the one rule of addRule/patchRule (the request
 * itself, or under {@code firewallPolicyRule}); {@code gcp-policy} reads the inline {@code rules[]} of a policy.
 */
final class FirewallPolicyRules {
    /** Fields of a patchRule request that identify the rule rather than change it. */
    private static final Set<String> IDENTITY = Set.of("@type", "priority", "ruleName", "kind", "firewallPolicy",
            "securityPolicy");

    private FirewallPolicyRules() {
    }

    static final RuleParser ONE_RULE = in -> {
        JsonNode rule = ruleOf(in.request());
        List<String> notes = new ArrayList<>();
        Action action = in.action();
        boolean patch = in.verb().equals("patchRule");
        if (patch) {
            Boolean disabled = Json.bool(rule, "disabled");
            if (disabled != null && onlyChanges(rule, "disabled")) {
                action = disabled ? Action.DISABLE : Action.ENABLE;
            }
        }
        if (!hasContent(rule)) {
            notes.add("the event does not carry the rule's action and match" + priorityText(rule));
            return ParsedRules.unknown(action, notes);
        }
        if (Boolean.TRUE.equals(Json.bool(rule, "disabled")) && action != Action.DISABLE) {
            notes.add("policy rule" + priorityText(rule) + " is disabled: it admits and blocks nothing");
            return ParsedRules.of(action, List.of(), notes);
        }
        return ParsedRules.of(action, read(rule, notes), notes);
    };

    static final RuleParser POLICY = in -> {
        List<String> notes = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        JsonNode policy = Json.field(in.request(), "firewallPolicy").isObject() ? Json.field(in.request(), "firewallPolicy") : in.request();
        for (JsonNode rule : Json.items(Json.field(policy, "rules"))) {
            if (!Boolean.TRUE.equals(Json.bool(rule, "disabled"))) {
                rules.addAll(read(rule, notes));
            }
        }
        return ParsedRules.of(in.action(), rules, notes);
    };

    static final RuleParser REMOVED_RULE = in -> {
        Integer priority = Json.integer(in.request(), "priority");
        List<String> notes = priority == null ? List.of() : List.of("the removed rule is the one at priority " + priority);
        return ParsedRules.unknown(in.action(), notes);
    };

    private static JsonNode ruleOf(JsonNode request) {
        for (String wrapper : List.of("firewallPolicyRule", "securityPolicyRule", "rule")) {
            JsonNode inner = Json.field(request, wrapper);
            if (inner.isObject()) {
                return inner;
            }
        }
        return request;
    }

    private static boolean onlyChanges(JsonNode rule, String field) {
        Iterator<String> names = rule.fieldNames();
        boolean seen = false;
        while (names.hasNext()) {
            String n = names.next();
            if (n.equals(field)) {
                seen = true;
            } else if (!IDENTITY.contains(n)) {
                return false;
            }
        }
        return seen;
    }

    private static boolean hasContent(JsonNode rule) {
        return Json.text(rule, "action") != null && Json.field(rule, "match").isObject();
    }

    private static String priorityText(JsonNode rule) {
        Integer p = Json.integer(rule, "priority");
        return p == null ? "" : " at priority " + p;
    }

    /** The rules one policy rule states; goto_next delegates the decision and admits nothing by itself. */
    static List<Rule> read(JsonNode rule, List<String> notes) {
        String actionText = Json.text(rule, "action");
        String verdict = actionText == null ? "" : actionText.strip().toLowerCase(java.util.Locale.ROOT);
        Access access;
        switch (verdict) {
            case "allow", "apply_security_profile_group" -> access = Access.ALLOW;
            case "deny" -> access = Access.DENY;
            case "goto_next" -> {
                notes.add("policy rule" + priorityText(rule) + " is goto_next: it hands the decision to the next level");
                return List.of();
            }
            default -> {
                notes.add("policy rule" + priorityText(rule) + " has an unknown action '" + actionText + "'; read as allow");
                access = Access.ALLOW;
            }
        }
        Direction direction = Layer4.direction(Json.text(rule, "direction"));
        Integer priority = Json.integer(rule, "priority");
        String name = Json.text(rule, "ruleName");
        JsonNode match = Json.field(rule, "match");
        JsonNode config = Json.field(match, "config");
        List<String> sources = new ArrayList<>();
        for (JsonNode m : List.of(match, config)) {
            sources.addAll(Json.texts(Json.field(m, "srcIpRanges")));
            for (JsonNode tag : Json.items(Json.field(m, "srcSecureTags"))) {
                String t = tag.isObject() ? Json.text(tag, "name") : tag.asText();
                if (t != null) {
                    sources.add("secureTag:" + t);
                }
            }
            Json.texts(Json.field(m, "srcAddressGroups")).forEach(s -> sources.add("addressGroup:" + s));
            Json.texts(Json.field(m, "srcFqdns")).forEach(s -> sources.add("fqdn:" + s));
            Json.texts(Json.field(m, "srcRegionCodes")).forEach(s -> sources.add("regionCode:" + s));
            Json.texts(Json.field(m, "srcThreatIntelligences")).forEach(s -> sources.add("threatIntelligence:" + s));
        }
        List<String> destinations = new ArrayList<>();
        for (JsonNode m : List.of(match, config)) {
            destinations.addAll(Json.texts(Json.field(m, "destIpRanges")));
            Json.texts(Json.field(m, "destAddressGroups")).forEach(s -> destinations.add("addressGroup:" + s));
            Json.texts(Json.field(m, "destFqdns")).forEach(s -> destinations.add("fqdn:" + s));
        }
        if (direction == Direction.INGRESS && sources.isEmpty() && access == Access.ALLOW) {
            notes.add("policy rule" + priorityText(rule) + " names no source in the event");
        }
        List<JsonNode> layer4 = new ArrayList<>();
        for (JsonNode m : List.of(match, config)) {
            layer4.addAll(Json.items(Json.field(m, "layer4Configs")));
            layer4.addAll(Json.items(Json.field(m, "destPorts")));
        }
        List<Rule> out = new ArrayList<>();
        if (layer4.isEmpty()) {
            Layer4.expand(direction, access, "all", List.of(), sources, destinations, name, priority, out, notes);
        }
        for (JsonNode l4 : layer4) {
            Layer4.expand(direction, access, Json.firstText(l4, "ipProtocol", "IPProtocol"), Json.texts(Json.field(l4, "ports")),
                    sources, destinations, name, priority, out, notes);
        }
        return out;
    }
}
