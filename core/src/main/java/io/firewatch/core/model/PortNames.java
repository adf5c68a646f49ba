package io.firewatch.core.model;

import java.util.Map;

/** Names of well-known ports, for reasons and cards that people read ("22 (SSH)"). */
public final class PortNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(20, "FTP data"), Map.entry(21, "FTP"), Map.entry(22, "SSH"), Map.entry(23, "Telnet"),
            Map.entry(25, "SMTP"), Map.entry(80, "HTTP"), Map.entry(135, "MS RPC"), Map.entry(139, "NetBIOS"),
            Map.entry(443, "HTTPS"), Map.entry(445, "SMB"), Map.entry(1433, "SQL Server"),
            Map.entry(1434, "SQL Server Browser"), Map.entry(1521, "Oracle"), Map.entry(2375, "Docker API"),
            Map.entry(2376, "Docker API TLS"), Map.entry(2379, "etcd"), Map.entry(3306, "MySQL"), Map.entry(3389, "RDP"),
            Map.entry(5432, "PostgreSQL"), Map.entry(5601, "Kibana"), Map.entry(5900, "VNC"), Map.entry(5985, "WinRM"),
            Map.entry(5986, "WinRM HTTPS"), Map.entry(6379, "Redis"), Map.entry(9200, "Elasticsearch"),
            Map.entry(9300, "Elasticsearch transport"), Map.entry(11211, "Memcached"), Map.entry(27017, "MongoDB"));

    private PortNames() {
    }

    /** The service usually on {@code port}, or null. */
    public static String of(int port) {
        return NAMES.get(port);
    }
}
