package io.firewatch.core.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Normalizes the many spellings of IP protocols across providers. */
public final class Protocols {
    public static final String ALL = "all";

    private static final Map<String, String> BY_NUMBER = Map.of(
            "1", "icmp", "6", "tcp", "17", "udp", "47", "gre", "50", "esp", "51", "ah", "58", "icmpv6", "132", "sctp");
    private static final Set<String> WITH_PORTS = Set.of("tcp", "udp", "sctp");

    private Protocols() {
    }

    /** {@code -1}, {@code *}, {@code any}, {@code all} become {@code all}; numbers become names where known. */
    public static String normalize(String raw) {
        if (raw == null) {
            return ALL;
        }
        String p = raw.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty() || p.equals("-1") || p.equals("*") || p.equals("any") || p.equals("all")) {
            return ALL;
        }
        return BY_NUMBER.getOrDefault(p, p);
    }

    /** True for protocols whose rules name ports (TCP, UDP, SCTP). */
    public static boolean hasPorts(String protocol) {
        return WITH_PORTS.contains(protocol);
    }
}
