package io.firewatch.core.normalize.gcp;

import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Protocols;
import io.firewatch.core.model.Rule;
import java.util.List;

/** Expands a GCP protocol entry ({@code {"IPProtocol":"tcp","ports":["22","8000-8080"]}}) into rules, one per range. */
final class Layer4 {
    private Layer4() {
    }

    /**
     * Adds the rules of one protocol entry to {@code out}. No ports means all ports; a port that cannot be read is
     * taken as all ports (never as none) and noted.
     */
    static void expand(Direction direction, Access access, String rawProtocol, List<String> ports, List<String> sources,
                       List<String> destinations, String name, Integer priority, List<Rule> out, List<String> notes) {
        String protocol = Protocols.normalize(rawProtocol);
        if (ports.isEmpty() || !Protocols.hasPorts(protocol)) {
            out.add(new Rule(direction, access, protocol, null, sources, destinations, name, priority));
            return;
        }
        for (String p : ports) {
            PortRange range = PortRange.parse(p);
            if (range == null) {
                notes.add("port '" + p + "' of " + (name == null ? "the rule" : name) + " could not be read; taken as all ports");
                range = PortRange.ALL;
            }
            out.add(new Rule(direction, access, protocol, range.isAll() ? null : range, sources, destinations, name, priority));
        }
    }

    static Direction direction(String text) {
        return text != null && text.strip().equalsIgnoreCase("EGRESS") ? Direction.EGRESS : Direction.INGRESS;
    }

    /** The last segment of a resource name or URL. */
    static String lastSegment(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        int slash = n.lastIndexOf('/');
        return slash < 0 ? n : n.substring(slash + 1);
    }
}
