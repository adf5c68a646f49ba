package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Json;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code nsg-association}: subnet and network interface writes, judged only for what they do to the network security
 * group association. ARM's PUT replaces the whole resource, so a body whose {@code properties}
 * names no {@code networkSecurityGroup} (absent or null) leaves the subnet or interface without one: any NSG it had
 * is detached. The Activity Log does not carry the previous state, so a body that names an NSG counts as keeping the
 * association (an NSG newly associated is also logged as {@code networkSecurityGroups/join/action}, which alerts).
 * A record without any body (Event Grid, an Activity Log Success record) cannot tell and alerts only when the call
 * failed; a body that cannot be read is unknown, never closed.
 */
final class NsgAssociations {
    static final String PARSER = "nsg-association";
    /** Subnets Azure allows no NSG on: a write that leaves them without one detaches nothing. */
    private static final Set<String> NO_NSG_SUBNETS = Set.of("gatewaysubnet", "azurefirewallsubnet",
            "azurefirewallmanagementsubnet", "routeserversubnet");

    enum Kind { KEPT, DETACHED, UNREADABLE, NO_BODY }

    /** What one record shows about the association, and the words that say so. */
    record Finding(Kind kind, String why) {
    }

    private NsgAssociations() {
    }

    /** The finding of the first body that states the association (response before request: what ARM stored). */
    static Finding read(String operationName, String resourceName, List<AzureChanges.LabeledBody> bodies) {
        String op = operationName.toLowerCase(Locale.ROOT);
        String what = op.contains("/networkinterfaces/") ? "network interface" : "subnet";
        String name = resourceName == null ? what : what + " " + resourceName;
        if (what.equals("subnet") && resourceName != null && NO_NSG_SUBNETS.contains(resourceName.toLowerCase(Locale.ROOT))) {
            return new Finding(Kind.KEPT, operationName + " on " + resourceName
                    + ": Azure allows no network security group on this subnet, so the write detaches none");
        }
        boolean unreadable = false;
        boolean tagsOnly = false;
        for (AzureChanges.LabeledBody lb : bodies) {
            if (lb.body().unreadable()) {
                unreadable = true;
                continue;
            }
            if (!lb.body().present()) {
                continue;
            }
            JsonNode properties = Json.field(lb.body().node(), "properties");
            if (!properties.isObject()) {
                tagsOnly = true;
                continue;
            }
            return one(operationName, name, properties);
        }
        if (unreadable) {
            return new Finding(Kind.UNREADABLE, "the body of the " + name + " write could not be read, so whether it kept"
                    + " its network security group is unknown");
        }
        if (tagsOnly) {
            return new Finding(Kind.KEPT, operationName + " on " + name
                    + " changes no properties (a tags update), so its network security group association is unchanged");
        }
        return new Finding(Kind.NO_BODY, operationName + " on " + name + ": the record carries no request or response"
                + " body, so it cannot show whether the network security group association changed (the Activity Log"
                + " records of the call that carry the bodies are judged)");
    }

    private static Finding one(String operationName, String name, JsonNode properties) {
        String nsg = nsgId(properties);
        if (nsg != null) {
            return new Finding(Kind.KEPT, operationName + " on " + name + " keeps network security group "
                    + ArmId.parse(nsg).name() + " associated");
        }
        return new Finding(Kind.DETACHED, "the body of the " + name + " write names no network security group:"
                + " ARM replaces the whole resource on write, so any NSG it had is now detached (the record does not"
                + " show whether it had one)");
    }

    /** The associated NSG's id, or null when the properties name none (absent, null, or without an id). */
    private static String nsgId(JsonNode properties) {
        String id = Json.text(properties, "networkSecurityGroup.id");
        return id == null || id.isBlank() ? null : id;
    }
}
