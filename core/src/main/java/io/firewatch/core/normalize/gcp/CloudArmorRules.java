package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cloud Armor security policy rules ({@code securityPolicies}, {@code regionSecurityPolicies}): layer-7 rules on HTTP
 * traffic to load balancers, so protocol {@code http} and no ports. {@code srcIpRanges} {@code ["*"]} is any source; a
 * rule matching by CEL expression names no sources we can read. {@code preview} rules are logged, not enforced.
 */
final class CloudArmorRules {
    static final String HTTP = "http";

    private CloudArmorRules() {
    }

    static final RuleParser ONE_RULE = in -> {
        JsonNode rule = Json.field(in.request(), "securityPolicyRule").isObject()
                ? Json.field(in.request(), "securityPolicyRule") : in.request();
        List<String> notes = new ArrayList<>();
        Action action = in.action();
        boolean preview = Boolean.TRUE.equals(Json.bool(rule, "preview"));
        if (preview && in.verb().equals("patchRule")) {
            action = Action.DISABLE;
        }
        if (Json.text(rule, "action") == null || !Json.field(rule, "match").isObject()) {
            notes.add("the event does not carry the Cloud Armor rule's action and match" + priorityText(rule));
            if (preview) {
                notes.add(previewNote(rule));
            }
            return ParsedRules.unknown(action, notes);
        }
        List<Rule> rules = read(rule, notes);
        if (preview) {
            notes.add(previewNote(rule));
            if (action != Action.DISABLE) {
                return ParsedRules.of(action, List.of(), notes);
            }
        }
        return ParsedRules.of(action, rules, notes);
    };

    static final RuleParser POLICY = in -> {
        List<String> notes = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : Json.items(Json.field(in.request(), "rules"))) {
            if (Boolean.TRUE.equals(Json.bool(rule, "preview"))) {
                notes.add(previewNote(rule));
            } else {
                rules.addAll(read(rule, notes));
            }
        }
        return ParsedRules.of(in.action(), rules, notes);
    };

    private static String previewNote(JsonNode rule) {
        return "Cloud Armor rule" + priorityText(rule) + " is in preview mode: it is logged, not enforced";
    }

    private static String priorityText(JsonNode rule) {
        Integer p = Json.integer(rule, "priority");
        return p == null ? "" : " at priority " + p;
    }

    static List<Rule> read(JsonNode rule, List<String> notes) {
        String verdict = Json.text(rule, "action");
        String v = verdict == null ? "" : verdict.strip().toLowerCase(Locale.ROOT);
        Access access;
        if (v.startsWith("deny") || v.equals("redirect")) {
            access = Access.DENY;
        } else {
            access = Access.ALLOW;
            if (!v.equals("allow") && !v.equals("throttle") && !v.equals("rate_based_ban")) {
                notes.add("Cloud Armor rule" + priorityText(rule) + " has an unknown action '" + verdict + "'; read as allow");
            }
        }
        JsonNode match = Json.field(rule, "match");
        List<String> sources = Json.texts(Json.at(match, "config.srcIpRanges"));
        if (sources.isEmpty()) {
            notes.add("Cloud Armor rule" + priorityText(rule) + " matches by expression; its sources are not known");
        }
        return List.of(new Rule(Direction.INGRESS, access, HTTP, null, sources, List.of(), null, Json.integer(rule, "priority")));
    }
}
