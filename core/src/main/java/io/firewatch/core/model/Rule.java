package io.firewatch.core.model;

import java.util.List;

/**
 * One rule as a change states it: who may reach what, on which protocol and ports.
 *
 * @param protocol lower case: {@code all}, {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code esp},
 *                 {@code ah}, {@code gre}, {@code sctp}, {@code http} (layer 7 policies) or a protocol number
 * @param ports    null when the protocol has no ports or the rule covers all of them
 * @param sources  addresses as the provider wrote them (CIDRs, hosts, Azure tags, security group or prefix list ids)
 * @param description the rule's own description where the event carries one (attacker-influenced text), else null
 * @param network     the network the rule belongs to where the event names it (a GCP VPC network), else null
 * @param targets     what the rule applies to, where the event narrows it ({@code tag:web}, {@code serviceAccount:...}
 *                    of a GCP rule); empty when it applies to everything the firewall covers
 */
public record Rule(Direction direction, Access access, String protocol, PortRange ports,
                   List<String> sources, List<String> destinations, String name, Integer priority,
                   String description, String network, List<String> targets) {

    public Rule {
        if (direction == null || access == null || protocol == null) {
            throw new IllegalArgumentException("direction, access and protocol are required");
        }
        sources = List.copyOf(sources == null ? List.of() : sources);
        destinations = List.copyOf(destinations == null ? List.of() : destinations);
        targets = List.copyOf(targets == null ? List.of() : targets);
    }

    public Rule(Direction direction, Access access, String protocol, PortRange ports, List<String> sources,
                List<String> destinations, String name, Integer priority) {
        this(direction, access, protocol, ports, sources, destinations, name, priority, null, null, List.of());
    }

    public static Rule of(Direction direction, Access access, String protocol, PortRange ports, List<String> sources) {
        return new Rule(direction, access, protocol, ports, sources, List.of(), null, null);
    }

    public Rule withDirection(Direction d) {
        return new Rule(d, access, protocol, ports, sources, destinations, name, priority, description, network, targets);
    }

    /** This rule with the context the event states beside it (see the record's parameters). */
    public Rule withContext(String description, String network, List<String> targets) {
        return new Rule(direction, access, protocol, ports, sources, destinations, name, priority, description, network,
                targets);
    }

    public boolean isAllProtocols() {
        return Protocols.ALL.equals(protocol);
    }
}
