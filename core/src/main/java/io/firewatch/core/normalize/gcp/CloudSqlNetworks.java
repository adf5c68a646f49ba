package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cloudsql-authorized-networks}: a Cloud SQL instance's authorized networks, judged as ingress allow rules to
 * the database port (CONTRACT §3, database network allow-lists are firewalls). Cloud SQL logs
 * {@code cloudsql.instances.create} and {@code cloudsql.instances.update} (the latter for PATCH requests too); the
 * request is {@code SqlInstances(Insert|Patch|Update)Request} with the instance under {@code body}:
 * {@code body.databaseVersion} and {@code body.settings.ipConfiguration.{ipv4Enabled, authorizedNetworks[].value}}.
 *
 * <p>A request without {@code ipConfiguration} (a patch of the tier, flags, backups) changes no network and is no
 * firewall change; neither is one that names no authorized network (proto3 JSON leaves an emptied list out, so "left
 * alone" and "emptied" look alike, and neither admits anything). {@code ipv4Enabled: false} means no public address:
 * the networks then admit nothing from the internet. A completion entry, which logs no request, is no change unless it
 * failed: the operation's first entry says what it changed.
 */
final class CloudSqlNetworks implements RuleParser {
    private static final List<Integer> ANY_ENGINE = List.of(3306, 5432, 1433);

    @Override
    public boolean completionAlone() {
        return false;
    }

    @Override
    public ParsedRules parse(RuleInput in) {
        JsonNode request = in.request();
        if (!request.isObject() || request.size() == 0 || request.size() == 1 && request.has("@type")) {
            return ParsedRules.unknown(in.action(), List.of("the entry does not carry the request, so the instance's authorized networks are unknown"));
        }
        JsonNode instance = Json.field(request, "body").isObject() ? Json.field(request, "body") : request;
        JsonNode ip = Json.at(instance, "settings.ipConfiguration");
        if (ip.isMissingNode() || ip.isNull()) {
            return ParsedRules.ignored(in.methodName() + " request without settings.ipConfiguration changes no authorized network");
        }
        if (!ip.isObject()) {
            return ParsedRules.unknown(in.action(), List.of("settings.ipConfiguration is not an object, so the authorized networks are unknown"));
        }
        Boolean publicIp = Json.bool(ip, "ipv4Enabled");
        JsonNode networks = Json.field(ip, "authorizedNetworks");
        if (networks.isMissingNode() || networks.isNull()) {
            if (Boolean.TRUE.equals(publicIp) && in.action() != io.firewatch.core.model.Action.CREATE) {
                return ParsedRules.unknown(in.action(), List.of("the request switches the public IP address on (ipv4Enabled: true)"
                        + " without naming the authorized networks, which now admit from the internet and are not in the entry"));
            }
            return ParsedRules.ignored(in.methodName() + " request names no authorized network, so it admits none");
        }
        if (!networks.isArray()) {
            return ParsedRules.unknown(in.action(), List.of("settings.ipConfiguration.authorizedNetworks is not a list, so it could not be read"));
        }
        List<String> sources = new ArrayList<>();
        for (JsonNode network : networks) {
            String value = Json.field(network, "value").isTextual() ? Json.text(network, "value") : null;
            if (value == null || value.isBlank()) {
                return ParsedRules.unknown(in.action(), List.of("an authorized network in the request has no readable value"));
            }
            sources.add(value);
        }
        List<String> notes = new ArrayList<>();
        if (sources.isEmpty()) {
            notes.add("the request empties the instance's authorized networks");
            return ParsedRules.of(in.action(), List.of(), notes);
        }
        if (Boolean.FALSE.equals(publicIp)) {
            notes.add("ipv4Enabled is false: the instance has no public IP address, so its authorized networks ("
                    + String.join(", ", sources) + ") admit nothing from the internet");
            return ParsedRules.of(in.action(), List.of(), notes);
        }
        String engine = Json.text(instance, "databaseVersion");
        List<Integer> ports = ports(engine);
        if (ports == ANY_ENGINE) {
            notes.add(engine == null
                    ? "the entry does not name the database engine (databaseVersion), so the rule is shown for the MySQL, PostgreSQL and SQL Server ports"
                    : "database engine " + engine + " is not one Firewatch knows, so the rule is shown for the MySQL, PostgreSQL and SQL Server ports");
        }
        String name = Json.firstText(instance, "name");
        List<Rule> rules = new ArrayList<>();
        for (int port : ports) {
            rules.add(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(port), sources, List.of(), name, null));
        }
        return ParsedRules.of(in.action(), rules, notes);
    }

    /** The engine's port: MYSQL_* 3306, POSTGRES_* 5432, SQLSERVER_* 1433; all three when unknown. */
    private static List<Integer> ports(String databaseVersion) {
        String v = databaseVersion == null ? "" : databaseVersion.strip().toUpperCase(Locale.ROOT);
        if (v.startsWith("MYSQL")) {
            return List.of(3306);
        }
        if (v.startsWith("POSTGRES")) {
            return List.of(5432);
        }
        if (v.startsWith("SQLSERVER")) {
            return List.of(1433);
        }
        return ANY_ENGINE;
    }
}
