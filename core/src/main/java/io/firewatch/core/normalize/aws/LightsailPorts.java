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
 * {@code lightsail-ports}: Open/Close/PutInstancePublicPorts ({@code portInfo}, or {@code portInfos} for Put). The
 * instance firewall is inbound only; a port given without any address is open to every IPv4 address.
 */
final class LightsailPorts implements RuleParser {
    private static final String PATH = "requestParameters";
    private static final String ANY_IPV4 = "0.0.0.0/0";

    @Override
    public ParsedRules parse(JsonNode record, String operation) {
        ParsedRules.Collector out = new ParsedRules.Collector();
        JsonNode request = Json.field(record, PATH);
        // Put names its ports in portInfos, Open and Close in portInfo; both are read wherever they appear.
        List<JsonNode> infos = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (String name : new String[] {"portInfos", "portInfo"}) {
            try {
                List<JsonNode> found = Fields.objects(request, name, PATH);
                for (int i = 0; i < found.size(); i++) {
                    infos.add(found.get(i));
                    paths.add(PATH + "." + name + "[" + i + "]");
                }
            } catch (Unreadable e) {
                out.unreadable(e);
            }
        }
        boolean putNothing = operation.startsWith("Put") && Json.field(request, "portInfos").isContainerNode();
        if (infos.isEmpty() && putNothing) {
            out.note("no ports given: PutInstancePublicPorts closes every public port of the instance");
        } else if (infos.isEmpty()) {
            out.note("the event names no ports");
            out.unknown();
        }
        for (int i = 0; i < infos.size(); i++) {
            JsonNode info = infos.get(i);
            String path = paths.get(i);
            try {
                String protocol = Fields.protocol(info, "protocol", path, false);
                PortRange ports = Fields.ports(protocol, info, "fromPort", "toPort", path);
                List<String> sources = new ArrayList<>();
                sources.addAll(Fields.strings(info, "cidrs", null, path));
                sources.addAll(Fields.strings(info, "ipv6Cidrs", null, path));
                sources.addAll(Fields.strings(info, "cidrListAliases", null, path));
                if (sources.isEmpty()) {
                    sources.add(ANY_IPV4);
                    out.note("no addresses given: Lightsail opens the port to every IPv4 address (0.0.0.0/0)");
                }
                out.add(new Rule(Direction.INGRESS, Access.ALLOW, protocol, ports, sources, List.of(), null, null));
            } catch (Unreadable e) {
                out.unreadable(e);
            }
        }
        return out.result();
    }
}
