package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Protocols;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pieces every Azure rule shape is made of: address lists, port lists, protocols, access. */
final class RuleBits {
    /** The end of every note about a rule that could not be read; such a body's rules are incomplete. */
    static final String LEFT_OUT = " and was left out";

    private RuleBits() {
    }

    /** Values of the named fields, each a single string or a list of strings, in order, blanks dropped. */
    static List<String> texts(JsonNode parent, String... fields) {
        List<String> out = new ArrayList<>();
        for (String f : fields) {
            for (String v : Json.texts(Json.field(parent, f))) {
                if (!v.isBlank()) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    /** The {@code id} of each object in a list of references (application security groups, IP groups as objects). */
    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : Json.items(list)) {
            String id = n.isObject() ? Json.text(n, "id") : n.isTextual() ? n.asText() : null;
            if (id != null && !id.isBlank()) {
                out.add(id);
            }
        }
        return out;
    }

    /** {@code Allow}/{@code Dnat} allow, {@code Deny} denies, any case; null for anything else. */
    static Access access(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "allow", "dnat", "snat" -> Access.ALLOW;
            case "deny" -> Access.DENY;
            default -> null;
        };
    }

    static Direction direction(String text) {
        if (text == null) {
            return Direction.UNKNOWN;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "inbound" -> Direction.INGRESS;
            case "outbound" -> Direction.EGRESS;
            default -> Direction.UNKNOWN;
        };
    }

    /** Protocols of a rule ({@code Any} and {@code *} are all); none listed means all. Duplicates dropped. */
    static List<String> protocols(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String p : raw) {
            String n = Protocols.normalize(p);
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        if (out.isEmpty() || out.contains(Protocols.ALL)) {
            return List.of(Protocols.ALL);
        }
        return out;
    }

    /**
     * One rule per protocol and port range. {@code *} and a missing port list mean all ports (null); a port text
     * that is no port or range is left out with a note, never read as all ports.
     */
    static List<Rule> expand(Direction direction, Access access, List<String> protocols, List<String> portTexts,
                             List<String> sources, List<String> destinations, String name, Integer priority,
                             List<String> notes) {
        List<PortRange> ranges = new ArrayList<>();
        boolean allPorts = portTexts.isEmpty();
        for (String t : portTexts) {
            PortRange r = PortRange.parse(t);
            if (r == null) {
                String note = "port range '" + t + "'" + (name == null ? "" : " of rule " + name)
                        + " is not a port or range" + LEFT_OUT;
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            } else if (r.isAll()) {
                allPorts = true;
            } else if (!ranges.contains(r)) {
                ranges.add(r);
            }
        }
        List<Rule> out = new ArrayList<>();
        for (String protocol : protocols) {
            if (!protocol.equals(Protocols.ALL) && !Protocols.hasPorts(protocol)) {
                out.add(new Rule(direction, access, protocol, null, sources, destinations, name, priority));
                continue;
            }
            if (allPorts) {
                out.add(new Rule(direction, access, protocol, null, sources, destinations, name, priority));
                continue;
            }
            for (PortRange r : ranges) {
                out.add(new Rule(direction, access, protocol, r, sources, destinations, name, priority));
            }
        }
        return out;
    }
}
