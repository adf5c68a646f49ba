package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sg-permissions}: Authorize/Revoke SecurityGroupIngress/Egress. A call may state its rules in several places
 * at once, and every one counts: {@code ipPermissions}, the flat legacy parameters ({@code cidrIp},
 * {@code ipProtocol}, ...) that SDKs log beside an empty {@code ipPermissions: {}}, and the response's canonical rule
 * sets ({@code securityGroupRuleSet}, AWS's own record of what was added; {@code revokedSecurityGroupRuleSet}).
 * Repeats are merged. Security groups hold only allow rules; the direction comes from the operation.
 */
final class SecurityGroupPermissions implements RuleParser {
    private static final String REQUEST = "requestParameters";

    @Override
    public ParsedRules parse(JsonNode record, String operation) {
        Direction direction = operation.contains("Egress") ? Direction.EGRESS : Direction.INGRESS;
        JsonNode request = Json.field(record, REQUEST);
        JsonNode response = Json.field(record, "responseElements");
        ParsedRules.Collector out = new ParsedRules.Collector();

        readPermissions(request, direction, out);
        if (isFlat(request)) {
            readPermission(request, REQUEST, direction, out);
        }
        readCanonical(response, "securityGroupRuleSet", direction, out);
        readCanonical(response, "revokedSecurityGroupRuleSet", direction, out);
        if (!Json.items(Json.field(response, "unknownIpPermissionSet")).isEmpty()) {
            out.note("some of the rules named were not in the security group, so the call left them as they were");
        }
        boolean byId = !Json.field(request, "securityGroupRuleIds").isMissingNode();
        if (out.isEmpty() && byId) {
            noteRuleIds(request, out);
        } else if (out.isEmpty() && !out.anyUnreadable()) {
            out.note("the event names no rules");
            out.unknown();
        }
        return out.result();
    }

    private static boolean isFlat(JsonNode request) {
        return !Json.field(request, "cidrIp").isMissingNode() || !Json.field(request, "ipProtocol").isMissingNode()
                || !Json.field(request, "sourceSecurityGroupName").isMissingNode();
    }

    /** Every {@code IpPermission} of {@code ipPermissions}; none when it is absent or {@code {}}. */
    private static void readPermissions(JsonNode request, Direction direction, ParsedRules.Collector out) {
        List<JsonNode> items;
        try {
            items = Fields.objects(request, "ipPermissions", REQUEST);
        } catch (Unreadable e) {
            out.unreadable(e);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            readPermission(items.get(i), REQUEST + ".ipPermissions.items[" + i + "]", direction, out);
        }
    }

    /** One {@code IpPermission}, or the flat legacy parameters at the top of the request. */
    private static void readPermission(JsonNode p, String path, Direction direction, ParsedRules.Collector out) {
        try {
            String protocol = Fields.protocol(p, "ipProtocol", path, false);
            PortRange ports = Fields.ports(protocol, p, "fromPort", "toPort", path);
            List<String> addresses = new ArrayList<>();
            String flat = Fields.address(p, "cidrIp", path);
            if (flat != null) {
                addresses.add(flat);
            }
            addresses.addAll(Fields.strings(p, "ipRanges", "cidrIp", path));
            addresses.addAll(Fields.strings(p, "ipv6Ranges", "cidrIpv6", path));
            addresses.addAll(Fields.strings(p, "prefixListIds", "prefixListId", path));
            for (JsonNode g : Fields.objects(p, "groups", path)) {
                String id = Fields.address(g, "groupId", path + ".groups");
                String group = id != null ? id : Fields.address(g, "groupName", path + ".groups");
                if (group != null) {
                    addresses.add(group);
                }
            }
            String legacyGroup = Fields.address(p, "sourceSecurityGroupName", path);
            if (legacyGroup != null) {
                addresses.add(legacyGroup);
            }
            if (!addresses.isEmpty()) {
                Rule rule = rule(direction, protocol, ports, addresses);
                String description = descriptions(p);
                out.add(description == null ? rule : rule.withContext(description, null, List.of()));
            }
        } catch (Unreadable e) {
            out.unreadable(e);
        }
    }

    /** The descriptions the request gives its address ranges (shown in alerts), distinct, or null. */
    private static String descriptions(JsonNode permission) {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        for (String list : new String[] {"ipRanges", "ipv6Ranges", "prefixListIds", "groups"}) {
            for (JsonNode item : Json.items(Json.at(permission, list + ".items"))) {
                String d = Json.text(item, "description");
                if (d != null && !d.isBlank()) {
                    found.add(d);
                }
            }
        }
        return found.isEmpty() ? null : String.join("; ", found);
    }

    private static void noteRuleIds(JsonNode request, ParsedRules.Collector out) {
        List<String> ids;
        try {
            ids = Fields.strings(request, "securityGroupRuleIds", "securityGroupRuleId", REQUEST);
        } catch (Unreadable e) {
            out.unreadable(e);
            return;
        }
        out.note("rules were named by id (" + String.join(", ", ids) + ") and their content is not in the event;"
                + " security groups hold only allow rules");
    }

    /** The response's canonical view ({@code securityGroupRuleSet} items), one rule per item. */
    private static void readCanonical(JsonNode response, String name, Direction direction, ParsedRules.Collector out) {
        List<JsonNode> items;
        try {
            items = Fields.objects(response, name, "responseElements");
        } catch (Unreadable e) {
            out.unreadable(e);
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode r = items.get(i);
            String path = "responseElements." + name + ".items[" + i + "]";
            try {
                Boolean egress = Json.bool(r, "isEgress");
                Direction d = egress == null ? direction : egress ? Direction.EGRESS : Direction.INGRESS;
                String protocol = Fields.protocol(r, "ipProtocol", path, false);
                PortRange ports = Fields.ports(protocol, r, "fromPort", "toPort", path);
                List<String> addresses = new ArrayList<>();
                for (String field : new String[] {"cidrIpv4", "cidrIpv6", "prefixListId"}) {
                    String a = Fields.address(r, field, path);
                    if (a != null) {
                        addresses.add(a);
                    }
                }
                String group = Fields.address(Json.field(r, "referencedGroupInfo"), "groupId", path + ".referencedGroupInfo");
                if (group != null) {
                    addresses.add(group);
                }
                out.add(rule(d, protocol, ports, addresses));
            } catch (Unreadable e) {
                out.unreadable(e);
            }
        }
    }

    private static Rule rule(Direction direction, String protocol, PortRange ports, List<String> addresses) {
        boolean egress = direction == Direction.EGRESS;
        return new Rule(direction, Access.ALLOW, protocol, ports, egress ? List.of() : addresses,
                egress ? addresses : List.of(), null, null);
    }
}
