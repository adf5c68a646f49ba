package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rds-db-sg} and {@code cache-sg}: EC2-Classic DB and cache security groups. A rule admits a CIDR
 * ({@code cIDRIP}, RDS only) or an EC2 security group to the database's own listener port, which the event does not
 * name; it is read as TCP on every port.
 */
final class DbSecurityGroups implements RuleParser {
    private static final String PATH = "requestParameters";
    private final boolean cidrs;

    private DbSecurityGroups(boolean cidrs) {
        this.cidrs = cidrs;
    }

    static DbSecurityGroups rds() {
        return new DbSecurityGroups(true);
    }

    static DbSecurityGroups cache() {
        return new DbSecurityGroups(false);
    }

    @Override
    public ParsedRules parse(JsonNode record, String operation) {
        ParsedRules.Collector out = new ParsedRules.Collector();
        JsonNode request = Json.field(record, PATH);
        try {
            List<String> sources = new ArrayList<>();
            String cidr = cidrs ? Fields.address(request, "cIDRIP", PATH) : null;
            if (cidr != null) {
                sources.add(cidr);
            }
            String groupId = Fields.address(request, "eC2SecurityGroupId", PATH);
            String groupName = Fields.address(request, "eC2SecurityGroupName", PATH);
            if (groupId != null || groupName != null) {
                sources.add(groupId != null ? groupId : groupName);
            }
            if (sources.isEmpty()) {
                out.note("the event names no source");
                out.unknown();
                return out.result();
            }
            out.add(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", null, sources, List.of(), null, null));
            if (operation.startsWith("Authorize")) {
                out.note("the rule admits its sources to the database's listener port, which the event does not name");
            }
        } catch (Unreadable e) {
            out.unreadable(e);
        }
        return out.result();
    }
}
