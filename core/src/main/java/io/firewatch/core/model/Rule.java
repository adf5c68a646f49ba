package io.firewatch.core.model;

import java.util.List;

/**
 * One rule as a change states it: who may reach what, on which protocol and ports.
 *
 * @param protocol lower case: {@code all}, {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code esp},
 *                 {@code ah}, {@code gre}, {@code sctp}, {@code http} (layer 7 policies) or a protocol number
 * @param ports    null when the protocol has no ports or the rule covers all of them
 * @param sources  addresses as the provider wrote them (CIDRs, hosts, Azure tags, security group or prefix list ids)
 */
public record Rule(Direction direction, Access access, String protocol, PortRange ports,
                   List<String> sources, List<String> destinations, String name, Integer priority) {

    public Rule {
        if (direction == null || access == null || protocol == null) {
            throw new IllegalArgumentException("direction, access and protocol are required");
        }
        sources = List.copyOf(sources == null ? List.of() : sources);
        destinations = List.copyOf(destinations == null ? List.of() : destinations);
    }

    public static Rule of(Direction direction, Access access, String protocol, PortRange ports, List<String> sources) {
        return new Rule(direction, access, protocol, ports, sources, List.of(), null, null);
    }

    public Rule withDirection(Direction d) {
        return new Rule(d, access, protocol, ports, sources, destinations, name, priority);
    }

    public boolean isAllProtocols() {
        return Protocols.ALL.equals(protocol);
    }
}
