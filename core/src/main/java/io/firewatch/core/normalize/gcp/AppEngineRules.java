package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * App Engine firewall ({@code google.appengine.v1.Firewall.*IngressRule(s)}): each rule is
 * {@code {"priority":100,"action":"ALLOW|DENY","sourceRange":"203.0.113.0/24"}}, applied to every HTTP request to
 * the app, so protocol {@code http} and no ports. {@code sourceRange} {@code "*"} is any source.
 */
final class AppEngineRules {
    private AppEngineRules() {
    }

    static final RuleParser ONE_RULE = in -> {
        JsonNode rule = Json.field(in.request(), "rule");
        if (!complete(rule)) {
            return ParsedRules.unknown(in.action(), List.of("the event does not carry the App Engine rule's action and source range"));
        }
        return ParsedRules.of(in.action(), List.of(read(rule)), List.of());
    };

    static final RuleParser ALL_RULES = in -> {
        JsonNode list = Json.field(in.request(), "ingressRules");
        if (!list.isArray()) {
            return ParsedRules.unknown(in.action(), List.of("the event does not carry the App Engine rules"));
        }
        List<Rule> rules = new ArrayList<>();
        for (JsonNode rule : Json.items(list)) {
            if (!complete(rule)) {
                return ParsedRules.unknown(in.action(), List.of("an App Engine rule in the event has no action or source range"));
            }
            rules.add(read(rule));
        }
        return ParsedRules.of(in.action(), rules, List.of());
    };

    private static boolean complete(JsonNode rule) {
        return Json.text(rule, "action") != null && Json.text(rule, "sourceRange") != null;
    }

    private static Rule read(JsonNode rule) {
        Access access = "DENY".equalsIgnoreCase(Json.text(rule, "action").strip()) ? Access.DENY : Access.ALLOW;
        return new Rule(Direction.INGRESS, access, CloudArmorRules.HTTP, null, List.of(Json.text(rule, "sourceRange")),
                List.of(), null, Json.integer(rule, "priority"));
    }
}
