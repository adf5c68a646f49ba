package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.List;
import java.util.Locale;

/**
 * Server-level firewall rules of Azure SQL, PostgreSQL and MySQL: an inbound allow for one IPv4 range to the
 * database port. {@code 0.0.0.0-0.0.0.0} is Azure's "allow Azure services" switch, not the internet.
 */
final class DbFirewallRules {
    static final String AZURE_SERVICES = "0.0.0.0-0.0.0.0";

    private DbFirewallRules() {
    }

    /** The rule, or null when the body names no start address. */
    static List<Rule> rule(JsonNode resource, String operationOrType, String name, List<String> notes) {
        JsonNode p = Json.field(resource, "properties");
        String start = Json.text(p, "startIpAddress");
        if (start == null || start.isBlank()) {
            return null;
        }
        String end = Json.text(p, "endIpAddress");
        String source = start + "-" + (end == null || end.isBlank() ? start : end);
        String ruleName = Json.text(resource, "name") != null ? Json.text(resource, "name") : name;
        if (source.equals(AZURE_SERVICES)) {
            notes.add("0.0.0.0-0.0.0.0 is the \"Allow Azure services\" rule: any address inside Azure, including other"
                    + " customers' resources, may connect");
        }
        return List.of(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(port(operationOrType)),
                List.of(source), List.of(), ruleName, null));
    }

    /** The service's listening port, from the resource provider in the operation or type. */
    static int port(String operationOrType) {
        String o = operationOrType == null ? "" : operationOrType.toLowerCase(Locale.ROOT);
        if (o.contains("dbforpostgresql")) {
            return 5432;
        }
        if (o.contains("dbformysql") || o.contains("dbformariadb")) {
            return 3306;
        }
        return 1433;
    }
}
