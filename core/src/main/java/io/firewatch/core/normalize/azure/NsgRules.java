package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Network security group rules: one {@code securityRules} resource ({@code nsg-rule}) or a whole NSG with its rules
 * inline ({@code nsg}). Singular and plural address and port fields are mutually exclusive in ARM, so both are read.
 */
final class NsgRules {
    private NsgRules() {
    }

    /** A {@code securityRules} resource, or its request body {@code {"properties":{...}}}. */
    static List<Rule> rule(JsonNode resource, String name, List<String> notes) {
        return fromProperties(Json.field(resource, "properties"), nameOf(resource, name), notes);
    }

    /** A {@code networkSecurityGroups} resource: each of {@code properties.securityRules[]} (defaults are not changes). */
    static List<Rule> group(JsonNode resource, List<String> notes) {
        List<Rule> out = new ArrayList<>();
        for (JsonNode r : Json.items(Json.at(resource, "properties.securityRules"))) {
            out.addAll(fromProperties(Json.field(r, "properties"), Json.text(r, "name"), notes));
        }
        return out;
    }

    private static List<Rule> fromProperties(JsonNode p, String name, List<String> notes) {
        if (!p.isObject()) {
            return List.of();
        }
        Access access = RuleBits.access(Json.text(p, "access"));
        if (access == null) {
            notes.add("security rule " + (name == null ? "" : name + " ") + "has no readable access (Allow or Deny)" + RuleBits.LEFT_OUT);
            return List.of();
        }
        List<String> sources = RuleBits.texts(p, "sourceAddressPrefix", "sourceAddressPrefixes");
        sources.addAll(RuleBits.ids(Json.field(p, "sourceApplicationSecurityGroups")));
        List<String> destinations = RuleBits.texts(p, "destinationAddressPrefix", "destinationAddressPrefixes");
        destinations.addAll(RuleBits.ids(Json.field(p, "destinationApplicationSecurityGroups")));
        List<Rule> rules = RuleBits.expand(RuleBits.direction(Json.text(p, "direction")), access,
                RuleBits.protocols(RuleBits.texts(p, "protocol")),
                RuleBits.texts(p, "destinationPortRange", "destinationPortRanges"),
                sources, destinations, name, Json.integer(p, "priority"), notes);
        String description = Json.text(p, "description");
        if (description == null || description.isBlank()) {
            return rules;
        }
        return rules.stream().map(r -> r.withContext(description, null, List.of())).toList();
    }

    private static String nameOf(JsonNode resource, String fallback) {
        String n = Json.text(resource, "name");
        return n != null && !n.isBlank() ? n : fallback;
    }
}
