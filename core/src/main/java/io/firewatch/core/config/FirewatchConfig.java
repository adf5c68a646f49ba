package io.firewatch.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Severity;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the detector may be told: admin/data-store ports, authorized public ports and allow-lists. The same JSON
 * serves the CLI ({@code --config FILE}) and every function ({@code FIREWATCH_CONFIG}).
 *
 * <pre>{@code
 * {"adminPorts": [22, "20-23", 3389], "publicPorts": [80, 443],
 *  "allow": [{"name": "terraform", "principal": "arn:aws:sts::*:assumed-role/terraform/*", "maxSeverity": "high"}]}
 * }</pre>
 */
public record FirewatchConfig(List<PortRange> adminPorts, List<PortRange> publicPorts, List<AllowRule> allow) {

    public static final List<PortRange> DEFAULT_ADMIN_PORTS = ports(
            "20-23", "135", "139", "445", "1433-1434", "1521", "2375-2376", "2379", "3306", "3389", "5432", "5601",
            "5900", "5985-5986", "6379", "9200", "9300", "11211", "27017");
    public static final List<PortRange> DEFAULT_PUBLIC_PORTS = ports("80", "443");

    private static final Set<String> TOP_KEYS = Set.of("adminPorts", "publicPorts", "allow");
    private static final Set<String> ALLOW_KEYS = Set.of("name", "provider", "account", "principal", "userAgent",
            "callerCidr", "operation", "resourceTag", "maxSeverity");

    public FirewatchConfig {
        adminPorts = List.copyOf(adminPorts);
        publicPorts = List.copyOf(publicPorts);
        allow = List.copyOf(allow);
    }

    public static FirewatchConfig defaults() {
        return new FirewatchConfig(DEFAULT_ADMIN_PORTS, DEFAULT_PUBLIC_PORTS, List.of());
    }

    /** Parses configuration JSON; throws {@link ConfigException} naming the first bad key. */
    public static FirewatchConfig parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ConfigException("configuration is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException("configuration must be a JSON object with keys " + TOP_KEYS);
        }
        checkKeys(root, TOP_KEYS, "");
        List<PortRange> admin = root.has("adminPorts") ? portList(root.get("adminPorts"), "adminPorts") : DEFAULT_ADMIN_PORTS;
        List<PortRange> pub = root.has("publicPorts") ? portList(root.get("publicPorts"), "publicPorts") : DEFAULT_PUBLIC_PORTS;
        List<AllowRule> allow = new ArrayList<>();
        JsonNode list = root.path("allow");
        if (!list.isMissingNode() && !list.isArray()) {
            throw new ConfigException("allow: must be a list of allow-list entries");
        }
        for (int i = 0; i < list.size(); i++) {
            allow.add(allowRule(list.get(i), "allow[" + i + "]"));
        }
        return new FirewatchConfig(admin, pub, allow);
    }

    private static AllowRule allowRule(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new ConfigException(where + ": must be an object");
        }
        checkKeys(node, ALLOW_KEYS, where + ".");
        if (node.size() == (node.has("name") ? 1 : 0) + (node.has("maxSeverity") ? 1 : 0)) {
            throw new ConfigException(where + ": names no condition and would suppress every alert");
        }
        String cidr = string(node, "callerCidr", where);
        if (cidr != null) {
            AddressSpace.Kind kind = AddressSpace.parse(cidr).kind();
            if (kind != AddressSpace.Kind.IPV4 && kind != AddressSpace.Kind.IPV6) {
                throw new ConfigException(where + ".callerCidr: '" + cidr + "' is not an IPv4 or IPv6 CIDR");
            }
        }
        String provider = string(node, "provider", where);
        if (provider != null && !Set.of("aws", "azure", "gcp").contains(provider)) {
            throw new ConfigException(where + ".provider: must be aws, azure or gcp");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode tagNode = node.path("resourceTag");
        if (!tagNode.isMissingNode()) {
            if (!tagNode.isObject()) {
                throw new ConfigException(where + ".resourceTag: must be an object of tag names to values");
            }
            tagNode.fields().forEachRemaining(e -> {
                if (!e.getValue().isTextual()) {
                    throw new ConfigException(where + ".resourceTag." + e.getKey() + ": must be a string");
                }
                tags.put(e.getKey(), e.getValue().asText());
            });
        }
        Severity max = null;
        String maxText = string(node, "maxSeverity", where);
        if (maxText != null) {
            try {
                max = Severity.fromWire(maxText);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ".maxSeverity: " + e.getMessage());
            }
        }
        return new AllowRule(string(node, "name", where), provider, string(node, "account", where),
                string(node, "principal", where), string(node, "userAgent", where), cidr,
                string(node, "operation", where), tags, max);
    }

    private static String string(JsonNode node, String key, String where) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw new ConfigException(where + "." + key + ": must be a non-empty string");
        }
        return v.asText();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String prefix) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new ConfigException(prefix + name + ": unknown key (expected one of " + allowed.stream().sorted().toList() + ")");
            }
        }
    }

    private static List<PortRange> portList(JsonNode node, String key) {
        if (!node.isArray()) {
            throw new ConfigException(key + ": must be a list of ports or \"from-to\" ranges");
        }
        List<PortRange> out = new ArrayList<>();
        for (JsonNode n : node) {
            PortRange r = n.isInt() ? safeSingle(n.intValue()) : n.isTextual() ? PortRange.parse(n.asText()) : null;
            if (r == null) {
                throw new ConfigException(key + ": '" + n.asText() + "' is not a port (0-65535) or a \"from-to\" range");
            }
            out.add(r);
        }
        return out;
    }

    private static PortRange safeSingle(int port) {
        try {
            return PortRange.single(port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<PortRange> ports(String... specs) {
        List<PortRange> out = new ArrayList<>();
        for (String s : specs) {
            out.add(PortRange.parse(s));
        }
        return List.copyOf(out);
    }
}
