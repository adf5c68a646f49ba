package io.firewatch.core.normalize.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sg-modify}: ModifySecurityGroupRules, rendered in PascalCase inside {@code ModifySecurityGroupRulesRequest}.
 * {@code SecurityGroupRule} is an object for one rule and a list for several. The request names rules by id and does
 * not say whether they are ingress or egress, so the direction stays unknown.
 */
final class SecurityGroupRuleEdits implements RuleParser {
    private static final String PATH = "requestParameters.ModifySecurityGroupRulesRequest";

    @Override
    public ParsedRules parse(JsonNode record, String operation) {
        ParsedRules.Collector out = new ParsedRules.Collector();
        JsonNode request = Json.at(record, PATH);
        List<JsonNode> edits;
        try {
            edits = Fields.objects(request, "SecurityGroupRule", PATH);
        } catch (Unreadable e) {
            out.unreadable(e);
            return out.result();
        }
        if (edits.isEmpty()) {
            out.note("the event names no rules");
            out.unknown();
        }
        for (int i = 0; i < edits.size(); i++) {
            JsonNode edit = edits.get(i);
            String path = PATH + ".SecurityGroupRule[" + i + "]";
            try {
                String id = Fields.text(edit, "SecurityGroupRuleId", path);
                JsonNode r = Json.field(edit, "SecurityGroupRule");
                if (!r.isObject()) {
                    throw new Unreadable(path + ".SecurityGroupRule is " + (r.isMissingNode() ? "missing" : "not an object"));
                }
                String inner = path + ".SecurityGroupRule";
                String protocol = Fields.protocol(r, "IpProtocol", inner, false);
                PortRange ports = Fields.ports(protocol, r, "FromPort", "ToPort", inner);
                List<String> sources = new ArrayList<>();
                for (String field : new String[] {"CidrIpv4", "CidrIpv6", "PrefixListId", "ReferencedGroupId"}) {
                    String a = Fields.address(r, field, inner);
                    if (a != null) {
                        sources.add(a);
                    }
                }
                out.add(new Rule(Direction.UNKNOWN, Access.ALLOW, protocol, ports, sources, List.of(), id, null));
            } catch (Unreadable e) {
                out.unreadable(e);
            }
        }
        return out.result();
    }
}
