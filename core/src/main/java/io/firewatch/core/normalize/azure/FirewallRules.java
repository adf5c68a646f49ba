package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Azure Firewall rules, in a firewall policy's rule collection group and in a classic firewall's own rule
 * collections. Network rules name no direction (the firewall filters whatever crosses it), so they are left
 * {@code UNKNOWN}; DNAT rules publish a port to the internet (ingress allow); application rules filter outbound
 * HTTP(S) by name (egress).
 */
final class FirewallRules {
    private enum Kind { NETWORK, NAT, APPLICATION }

    private FirewallRules() {
    }

    /** A {@code firewallPolicies/ruleCollectionGroups} resource: {@code properties.ruleCollections[]}. */
    static List<Rule> ruleCollectionGroup(JsonNode resource, List<String> notes) {
        List<Rule> out = new ArrayList<>();
        for (JsonNode collection : Json.items(Json.at(resource, "properties.ruleCollections"))) {
            String collectionType = Json.text(collection, "ruleCollectionType");
            Kind collectionKind = collectionType != null && collectionType.toLowerCase(Locale.ROOT).contains("nat") ? Kind.NAT : null;
            Access access = RuleBits.access(Json.text(collection, "action.type"));
            String collectionName = Json.text(collection, "name");
            for (JsonNode rule : Json.items(Json.field(collection, "rules"))) {
                Kind kind = kindOf(Json.text(rule, "ruleType"), collectionKind, rule);
                out.addAll(rule(kind, access, rule, collectionName, notes));
            }
        }
        return out;
    }

    /**
     * A classic firewall's rules: either one rule collection ({@code properties.rules[]}, its kind from
     * {@code operationOrType}) or a whole {@code azureFirewalls} resource with its three collection lists.
     */
    static List<Rule> classic(JsonNode resource, String operationOrType, String name, List<String> notes) {
        JsonNode p = Json.field(resource, "properties");
        if (Json.field(p, "rules").isArray()) {
            return classicCollection(kindOfOperation(operationOrType), Json.text(resource, "name") != null
                    ? Json.text(resource, "name") : name, p, notes);
        }
        List<Rule> out = new ArrayList<>();
        for (JsonNode c : Json.items(Json.field(p, "networkRuleCollections"))) {
            out.addAll(classicCollection(Kind.NETWORK, Json.text(c, "name"), Json.field(c, "properties"), notes));
        }
        for (JsonNode c : Json.items(Json.field(p, "natRuleCollections"))) {
            out.addAll(classicCollection(Kind.NAT, Json.text(c, "name"), Json.field(c, "properties"), notes));
        }
        for (JsonNode c : Json.items(Json.field(p, "applicationRuleCollections"))) {
            out.addAll(classicCollection(Kind.APPLICATION, Json.text(c, "name"), Json.field(c, "properties"), notes));
        }
        return out;
    }

    private static List<Rule> classicCollection(Kind hint, String collectionName, JsonNode p, List<String> notes) {
        Access access = RuleBits.access(Json.text(p, "action.type"));
        List<Rule> out = new ArrayList<>();
        for (JsonNode rule : Json.items(Json.field(p, "rules"))) {
            out.addAll(rule(hint != null ? hint : kindOf(null, null, rule), access, rule, collectionName, notes));
        }
        return out;
    }

    private static List<Rule> rule(Kind kind, Access collectionAccess, JsonNode rule, String collectionName, List<String> notes) {
        String ruleName = Json.text(rule, "name");
        String name = collectionName == null ? ruleName : ruleName == null ? collectionName : collectionName + "/" + ruleName;
        List<String> sources = RuleBits.texts(rule, "sourceAddresses");
        sources.addAll(RuleBits.ids(Json.field(rule, "sourceIpGroups")));
        if (kind == Kind.APPLICATION) {
            return application(collectionAccess, rule, name, sources, notes);
        }
        Access access = kind == Kind.NAT ? Access.ALLOW : collectionAccess;
        if (access == null) {
            notes.add("rule " + (name == null ? "" : name + " ") + "has no readable action (Allow, Deny or DNAT)" + RuleBits.LEFT_OUT);
            return List.of();
        }
        List<String> destinations = RuleBits.texts(rule, "destinationAddresses", "destinationFqdns");
        destinations.addAll(RuleBits.ids(Json.field(rule, "destinationIpGroups")));
        List<String> protocols = RuleBits.protocols(RuleBits.texts(rule, "ipProtocols", "protocols"));
        Direction direction = kind == Kind.NAT ? Direction.INGRESS : Direction.UNKNOWN;
        return RuleBits.expand(direction, access, protocols, RuleBits.texts(rule, "destinationPorts"),
                sources, destinations, name, null, notes);
    }

    /** Application rules: outbound, one rule per protocol/port pair such as {@code Https:443}. */
    private static List<Rule> application(Access access, JsonNode rule, String name, List<String> sources, List<String> notes) {
        if (access == null) {
            notes.add("rule " + (name == null ? "" : name + " ") + "has no readable action (Allow or Deny)" + RuleBits.LEFT_OUT);
            return List.of();
        }
        List<String> destinations = RuleBits.texts(rule, "targetFqdns", "fqdnTags", "targetUrls", "webCategories", "destinationAddresses");
        List<Rule> out = new ArrayList<>();
        for (JsonNode proto : Json.items(Json.field(rule, "protocols"))) {
            String type = Json.text(proto, "protocolType");
            if (type == null) {
                continue;
            }
            Integer port = Json.integer(proto, "port");
            PortRange ports = port == null || port < 0 || port > PortRange.MAX_PORT ? null : PortRange.single(port);
            out.add(new Rule(Direction.EGRESS, access, type.toLowerCase(Locale.ROOT), ports, sources, destinations, name, null));
        }
        if (out.isEmpty()) {
            out.add(new Rule(Direction.EGRESS, access, "http", null, sources, destinations, name, null));
        }
        return out;
    }

    private static Kind kindOf(String ruleType, Kind collectionKind, JsonNode rule) {
        if (ruleType != null) {
            String t = ruleType.toLowerCase(Locale.ROOT);
            if (t.startsWith("nat")) {
                return Kind.NAT;
            }
            if (t.startsWith("application")) {
                return Kind.APPLICATION;
            }
            if (t.startsWith("network")) {
                return Kind.NETWORK;
            }
        }
        if (collectionKind != null) {
            return collectionKind;
        }
        if (!Json.field(rule, "translatedAddress").isMissingNode() || !Json.field(rule, "translatedFqdn").isMissingNode()) {
            return Kind.NAT;
        }
        if (!Json.field(rule, "targetFqdns").isMissingNode() || !Json.field(rule, "fqdnTags").isMissingNode()) {
            return Kind.APPLICATION;
        }
        return Kind.NETWORK;
    }

    private static Kind kindOfOperation(String operationOrType) {
        String o = operationOrType == null ? "" : operationOrType.toLowerCase(Locale.ROOT);
        if (o.contains("/natrulecollections")) {
            return Kind.NAT;
        }
        if (o.contains("/applicationrulecollections")) {
            return Kind.APPLICATION;
        }
        if (o.contains("/networkrulecollections")) {
            return Kind.NETWORK;
        }
        return null;
    }
}
