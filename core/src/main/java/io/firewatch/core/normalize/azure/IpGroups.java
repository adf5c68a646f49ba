package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.Protocols;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ip-group}: an Azure IP group ({@code properties.ipAddresses}: addresses, CIDRs and {@code a-b} ranges) that
 * Azure Firewall rules reference. A write replaces the whole list, so every address it holds is shown as one ingress
 * allow rule on all protocols, the widest a referencing rule can give it (CONTRACT §3, lists that rules reference).
 */
final class IpGroups {
    private IpGroups() {
    }

    /** The list as one rule; null (content unknown) when the body has no readable {@code ipAddresses} list. */
    static List<Rule> addresses(JsonNode resource, List<String> notes) {
        JsonNode list = Json.at(resource, "properties.ipAddresses");
        if (!list.isArray()) {
            notes.add(list.isMissingNode() || list.isNull()
                    ? "the body does not list the IP group's addresses"
                    : "properties.ipAddresses is not a list, so the IP group's addresses could not be read");
            return null;
        }
        List<String> addresses = new ArrayList<>();
        int unreadable = 0;
        for (JsonNode a : list) {
            if (a.isTextual() && !a.asText().isBlank()) {
                addresses.add(a.asText());
            } else {
                unreadable++;
            }
        }
        if (unreadable > 0) {
            notes.add(unreadable + " entr" + (unreadable == 1 ? "y" : "ies") + " of properties.ipAddresses is not an address"
                    + RuleBits.LEFT_OUT);
        }
        if (addresses.isEmpty()) {
            if (unreadable == 0) {
                notes.add("the IP group holds no addresses after the write");
            }
            return List.of();
        }
        return List.of(Rule.of(Direction.INGRESS, Access.ALLOW, Protocols.ALL, null, addresses));
    }
}
