package io.firewatch.core.config;

import com.fasterxml.jackson.core.JsonLocation;
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
 *  "allow": [{"name": "terraform", "principal": "arn:aws:sts::*:assumed-role/terraform/*", "maxSeverity": "high"}],
 *  "accountAliases": {"111122223333": "payments-prod"}}
 * }</pre>
 *
 * @param accountAliases a reader's name per account id, subscription id or project id, shown beside the id in alerts
 */
public record FirewatchConfig(List<PortRange> adminPorts, List<PortRange> publicPorts, List<AllowRule> allow,
                              Map<String, String> accountAliases) {

    public static final List<PortRange> DEFAULT_ADMIN_PORTS = ports(
            "20-23", "135", "139", "445", "1433-1434", "1521", "2375-2376", "2379", "3306", "3389", "5432", "5601",
            "5900", "5985-5986", "6379", "9200", "9300", "11211", "27017");
    public static final List<PortRange> DEFAULT_PUBLIC_PORTS = ports("80", "443");

    private static final Set<String> TOP_KEYS = Set.of("adminPorts", "publicPorts", "allow", "accountAliases");
    private static final Set<String> ALLOW_KEYS = Set.of("name", "provider", "account", "principal", "userAgent",
            "callerCidr", "operation", "resourceTag", "maxSeverity");

    public FirewatchConfig {
        adminPorts = List.copyOf(adminPorts);
        publicPorts = List.copyOf(publicPorts);
        allow = List.copyOf(allow);
        accountAliases = accountAliases == null ? Map.of() : Map.copyOf(accountAliases);
    }

    public FirewatchConfig(List<PortRange> adminPorts, List<PortRange> publicPorts, List<AllowRule> allow) {
        this(adminPorts, publicPorts, allow, Map.of());
    }

    public static FirewatchConfig defaults() {
        return new FirewatchConfig(DEFAULT_ADMIN_PORTS, DEFAULT_PUBLIC_PORTS, List.of());
    }

    /**
     * What is legal but cannot work as written, for the loader to show: an allow-list entry whose {@code resourceTag}
     * can never match the events of a provider it applies to (GCP audit events carry no tags or labels of a firewall).
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < allow.size(); i++) {
            AllowRule a = allow.get(i);
            if (a.resourceTag().isEmpty()) {
                continue;
            }
            String entry = "allow[" + i + "]" + (a.name() == null ? "" : " (" + a.name() + ")");
            if ("gcp".equals(a.provider())) {
                out.add(entry + ": resourceTag can never match: GCP audit events carry no tags or labels of the firewall"
                        + " they change, so this entry suppresses nothing");
            } else if (a.provider() == null) {
                out.add(entry + ": resourceTag never matches GCP events (they carry no tags or labels of the firewall);"
                        + " on AWS it matches only events that carry tags (resources created with tags)");
            }
        }
        return out;
    }

    /** Parses configuration JSON; throws {@link ConfigException} naming the first bad key. */
    public static FirewatchConfig parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException("configuration is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
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
        return new FirewatchConfig(admin, pub, allow, aliases(root.path("accountAliases")));
    }

    private static Map<String, String> aliases(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isMissingNode()) {
            return out;
        }
        if (!node.isObject()) {
            throw new ConfigException("accountAliases: must be an object of account, subscription or project ids to names");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new ConfigException("accountAliases." + e.getKey() + ": must be a non-empty string");
            }
            out.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue().asText().strip());
        });
        return out;
    }

    /** The alias configured for an account (ids compare regardless of case: Azure writes subscription ids both ways). */
    public String aliasOf(String account) {
        return account == null ? null : accountAliases.get(account.toLowerCase(java.util.Locale.ROOT));
    }

    private static String firstLine(String message) {
        int cut = message == null ? -1 : message.indexOf('\n');
        return cut < 0 ? String.valueOf(message) : message.substring(0, cut);
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
