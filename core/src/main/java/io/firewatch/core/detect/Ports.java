package io.firewatch.core.detect;

import io.firewatch.core.model.PortRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Well-known port names for readable reasons, and set operations on port lists. */
final class Ports {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(20, "FTP data"), Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "Telnet"),
            Map.entry(80, "HTTP"), Map.entry(135, "MS RPC"), Map.entry(139, "NetBIOS"), Map.entry(443, "HTTPS"),
            Map.entry(445, "SMB"), Map.entry(1433, "SQL Server"), Map.entry(1434, "SQL Server Browser"),
            Map.entry(1521, "Oracle"), Map.entry(2375, "Docker API"), Map.entry(2376, "Docker API TLS"),
            Map.entry(2379, "etcd"), Map.entry(3306, "MySQL"), Map.entry(3389, "RDP"), Map.entry(5432, "PostgreSQL"),
            Map.entry(5601, "Kibana"), Map.entry(5900, "VNC"), Map.entry(5985, "WinRM"), Map.entry(5986, "WinRM HTTPS"),
            Map.entry(6379, "Redis"), Map.entry(9200, "Elasticsearch"), Map.entry(9300, "Elasticsearch transport"),
            Map.entry(11211, "Memcached"), Map.entry(27017, "MongoDB"));

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
                String name = NAMES.get(p);
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
        String name = NAMES.get(port);
        return name == null ? Integer.toString(port) : port + " (" + name + ")";
    }

    static String list(List<PortRange> ports) {
        return ports.stream().map(PortRange::toString).collect(Collectors.joining(", "));
    }
}
