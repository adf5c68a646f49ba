package io.firewatch.core.normalize.aws;

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
 * {@code nacl-entry}: Create/ReplaceNetworkAclEntry. {@code aclProtocol} is a protocol number as text, {@code egress}
 * a boolean (or "true"/"false"), the address is the source of an ingress entry and the destination of an egress one,
 * and {@code portRange} applies to TCP and UDP only.
 */
final class NetworkAclEntries implements RuleParser {
    private static final String PATH = "requestParameters";

    @Override
    public ParsedRules parse(JsonNode record, String operation) {
        ParsedRules.Collector out = new ParsedRules.Collector();
        JsonNode entry = Json.field(record, PATH);
        try {
            Direction direction = direction(entry);
            String action = Fields.text(entry, "ruleAction", PATH);
            Access access;
            if ("allow".equalsIgnoreCase(action)) {
                access = Access.ALLOW;
            } else if ("deny".equalsIgnoreCase(action)) {
                access = Access.DENY;
            } else {
                throw new Unreadable(PATH + ".ruleAction is " + (action == null ? "missing" : "neither allow nor deny"));
            }
            String protocol = Fields.protocol(entry, "aclProtocol", PATH, true);
            PortRange ports = Fields.ports(protocol, Json.field(entry, "portRange"), "from", "to", PATH + ".portRange");
            List<String> addresses = new ArrayList<>();
            for (String field : new String[] {"cidrBlock", "ipv6CidrBlock"}) {
                String a = Fields.address(entry, field, PATH);
                if (a != null) {
                    addresses.add(a);
                }
            }
            if (addresses.isEmpty()) {
                throw new Unreadable(PATH + " has neither cidrBlock nor ipv6CidrBlock");
            }
            Integer number = ruleNumber(entry);
            boolean egress = direction == Direction.EGRESS;
            out.add(new Rule(direction, access, protocol, ports, egress ? List.of() : addresses,
                    egress ? addresses : List.of(), number == null ? null : "rule " + number, number));
        } catch (Unreadable e) {
            out.unreadable(e);
        }
        return out.result();
    }

    static Direction direction(JsonNode entry) throws Unreadable {
        JsonNode v = Json.field(entry, "egress");
        if (v.isMissingNode() || v.isNull()) {
            return Direction.UNKNOWN;
        }
        Boolean egress = Json.bool(entry, "egress");
        if (egress == null) {
            throw new Unreadable(PATH + ".egress is not a boolean");
        }
        return egress ? Direction.EGRESS : Direction.INGRESS;
    }

    static Integer ruleNumber(JsonNode entry) throws Unreadable {
        return Fields.integer(entry, "ruleNumber", PATH, "a rule number");
    }

    /** {@code nacl-entry-ref}: DeleteNetworkAclEntry names the entry by number and direction only. */
    static final class Reference implements RuleParser {
        @Override
        public ParsedRules parse(JsonNode record, String operation) {
            JsonNode entry = Json.field(record, PATH);
            String which;
            try {
                Integer number = ruleNumber(entry);
                Direction d = direction(entry);
                which = (number == null ? "an entry" : "rule " + number)
                        + (d == Direction.UNKNOWN ? "" : " (" + d.name().toLowerCase(Locale.ROOT) + ")");
            } catch (Unreadable e) {
                return new ParsedRules(List.of(), false, List.of(), List.of(e.getMessage()));
            }
            return new ParsedRules(List.of(), false,
                    List.of("network ACL " + which + " was removed; the event does not say what it allowed or denied"),
                    List.of());
        }
    }
}
