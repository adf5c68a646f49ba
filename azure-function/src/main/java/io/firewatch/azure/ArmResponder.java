package io.firewatch.azure;

import io.firewatch.core.response.Remedy;
import io.firewatch.core.response.Responder;
import io.firewatch.core.response.ResponsePlanner;
import java.util.Iterator;
import java.util.Map;

/**
 * Takes world-open rules back in Azure (CONTRACT §6) through Azure Resource Manager with the function's managed
 * identity: the NSG is read first (gone, or tagged {@code firewatch-response=off}: skipped), then the one security rule
 * is deleted through its own resource id, which removes just that rule whether it was written alone or inline in the
 * NSG, never the NSG.
 */
final class ArmResponder implements Responder {
    static final String NETWORK_API_VERSION = "2024-05-01";

    private final ArmClient arm;

    ArmResponder(ArmClient arm) {
        this.arm = arm;
    }

    @Override
    public Outcome take(Remedy remedy) {
        if (!(remedy instanceof Remedy.SecurityRule rule)) {
            return Outcome.failed("not an Azure change: " + remedy.describe());
        }
        ArmReadResult nsg = arm.read(rule.nsgId(), NETWORK_API_VERSION);
        if (nsg instanceof ArmReadResult.NotFound) {
            return Outcome.skipped("the NSG no longer exists");
        }
        if (nsg instanceof ArmReadResult.Failed failed) {
            return Outcome.failed("the NSG could not be read: " + failed.why());
        }
        if (optedOut(((ArmReadResult.Found) nsg).resource().path("tags").fields())) {
            return Outcome.skipped("the NSG is tagged " + ResponsePlanner.OPT_OUT_KEY + "=" + ResponsePlanner.OPT_OUT_VALUE);
        }
        ArmClient.Deletion d = arm.delete(rule.ruleId(), NETWORK_API_VERSION);
        String what = "security rule " + rule.name();
        return switch (d.status()) {
            case 200, 202 -> Outcome.done("deleted " + what + (rule.inline() ? " (only that rule: the NSG and its other rules stay)" : ""));
            case 204, 404 -> Outcome.skipped(what + " is already gone");
            default -> Outcome.failed("Azure refused: " + (d.status() == 0 ? "" : "HTTP " + d.status() + " ") + d.message()
                    + (d.status() == 401 || d.status() == 403
                    ? ": the function's identity lacks the permission (set response_mode = \"enforce\" in the Terraform module)" : ""));
        };
    }

    private static boolean optedOut(Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> tags) {
        while (tags.hasNext()) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> t = tags.next();
            if (ResponsePlanner.OPT_OUT_KEY.equalsIgnoreCase(t.getKey())
                    && ResponsePlanner.OPT_OUT_VALUE.equalsIgnoreCase(t.getValue().asText("").strip())) {
                return true;
            }
        }
        return false;
    }
}
