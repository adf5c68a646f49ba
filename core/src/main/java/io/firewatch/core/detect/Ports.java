package io.firewatch.core.detect;

import io.firewatch.core.model.PortNames;
import io.firewatch.core.model.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Well-known port names for readable reasons, and set operations on port lists. */
final class Ports {
    private Ports() {
    }

    /** The ports of {@code watched} that {@code range} contains, as "22 (SSH)" labels, at most {@code limit}. */
    static List<String> hits(PortRange range, List<PortRange> watched, int limit) {
        List<String> out = new ArrayList<>();
        for (PortRange w : watched) {
            if (!range.overlaps(w)) {
                continue;
            }
            for (int p = Math.max(range.from(), w.from()); p <= Math.min(range.to(), w.to()) && out.size() < limit; p++) {
                String name = PortNames.of(p);
                out.add(name == null ? Integer.toString(p) : name);
            }
        }
        return out;
    }

    static boolean overlapsAny(PortRange range, List<PortRange> ports) {
        return ports.stream().anyMatch(range::overlaps);
    }

    /** True when every port of {@code range} is in {@code ports}. */
    static boolean within(PortRange range, List<PortRange> ports) {
        int next = range.from();
        List<PortRange> sorted = ports.stream().sorted((a, b) -> Integer.compare(a.from(), b.from())).toList();
        for (PortRange p : sorted) {
            if (p.from() <= next && p.to() >= next) {
                next = p.to() + 1;
                if (next > range.to()) {
                    return true;
                }
            }
        }
        return false;
    }

    static String label(int port) {
        String name = PortNames.of(port);
        return name == null ? Integer.toString(port) : port + " (" + name + ")";
    }

    static String list(List<PortRange> ports) {
        return ports.stream().map(PortRange::toString).collect(Collectors.joining(", "));
    }
}
