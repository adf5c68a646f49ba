package io.firewatch.core.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Rule;
import java.io.UncheckedIOException;

/**
 * An alert as an OCSF 1.4 Detection Finding (class 2004), one JSON line, for security lakes and SIEMs. Values are
 * verbatim (JSON-escaped only); the raw source event is not included.
 */
public final class OcsfRenderer {
    static final String OCSF_VERSION = "1.4.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OcsfRenderer() {
    }

    public static String render(Alert alert) {
        try {
            return JSON.writeValueAsString(finding(alert));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode finding(Alert alert) {
        FirewallChange c = alert.change();
        ObjectNode f = JSON.createObjectNode();
        f.put("class_uid", 2004);
        f.put("class_name", "Detection Finding");
        f.put("category_uid", 2);
        f.put("category_name", "Findings");
        f.put("activity_id", 1);
        f.put("activity_name", "Create");
        f.put("type_uid", 200401);
        f.put("type_name", "Detection Finding: Create");
        f.put("severity_id", severityId(alert));
        f.put("severity", severityName(alert));
        f.put("status_id", alert.suppressed() ? 3 : 1);
        f.put("status", alert.suppressed() ? "Suppressed" : "New");
        if (c.time() != null) {
            f.put("time", c.time().toEpochMilli());
        }
        String summary = AlertSummary.of(alert);
        f.put("message", summary);
        f.put("confidence_id", Boolean.TRUE.equals(alert.openToWorld()) || alert.openToWorld() == null ? 3 : 2);

        ObjectNode info = f.putObject("finding_info");
        info.put("uid", alert.id());
        info.put("title", summary);
        info.put("desc", String.join("; ", alert.reasons()));
        ArrayNode types = info.putArray("types");
        types.add("Cloud Firewall Change");
        types.add(c.action().wire());
        if (c.time() != null) {
            info.put("created_time", c.time().toEpochMilli());
        }
        ObjectNode analytic = info.putObject("analytic");
        analytic.put("name", "firewatch");
        analytic.put("type_id", 1);
        analytic.put("type", "Rule");
        ArrayNode attacks = info.putArray("attacks");
        attack(attacks.addObject(), "19", "TA0112", "Defense Impairment", "T1686", "Disable or Modify System Firewall",
                "T1686.001", "Cloud Firewall");
        attack(attacks.addObject(), "18", "TA0005", "Defense Evasion", "T1562", "Impair Defenses",
                "T1562.007", "Disable or Modify Cloud Firewall");

        ObjectNode cloud = f.putObject("cloud");
        cloud.put("provider", Facts.providerName(c.provider()));
        if (c.region() != null) {
            cloud.put("region", c.region());
        }
        ObjectNode account = cloud.putObject("account");
        account.put("uid", c.account());
        switch (c.provider()) {
            case AWS -> account.put("type_id", 10).put("type", "AWS Account");
            case AZURE -> account.put("type_id", 13).put("type", "Azure Subscription");
            case GCP -> account.put("type_id", 11).put("type", "GCP Project");
        }

        Actor a = c.actor();
        if (a.principal() != null || a.type() != null) {
            ObjectNode user = f.putObject("actor").putObject("user");
            user.put("uid", a.principal());
            user.put("name", a.principal());
            if (a.type() != null) {
                user.put("type", a.type());
            }
        }
        if (a.sourceIp() != null) {
            f.putObject("src_endpoint").put("ip", a.sourceIp());
        }

        ObjectNode resource = f.putArray("resources").addObject();
        resource.put("uid", c.resource().id());
        resource.put("name", c.resource().name());
        resource.put("type", c.resource().type());
        if (c.region() != null) {
            resource.put("region", c.region());
        }

        ObjectNode metadata = f.putObject("metadata");
        metadata.put("version", OCSF_VERSION);
        metadata.put("uid", alert.id());
        metadata.put("event_code", c.operation());
        if (c.eventId() != null) {
            metadata.put("correlation_uid", c.eventId());
        }
        ObjectNode product = metadata.putObject("product");
        product.put("name", "Firewatch");
        product.put("vendor_name", "Firewatch");
        metadata.putArray("labels").add("firewatch").add(c.provider().wire());

        ObjectNode unmapped = f.putObject("unmapped");
        unmapped.put("provider", c.provider().wire());
        unmapped.put("operation", c.operation());
        unmapped.put("action", c.action().wire());
        unmapped.put("outcome", c.outcome().wire());
        if (c.errorCode() != null) {
            unmapped.put("error_code", c.errorCode());
        }
        if (alert.openToWorld() == null) {
            unmapped.putNull("open_to_world");
        } else {
            unmapped.put("open_to_world", alert.openToWorld());
        }
        unmapped.put("event_id", c.eventId());
        unmapped.put("user_agent", a.userAgent());
        unmapped.put("actor_type", a.type());
        unmapped.put("rules_known", c.rulesKnown());
        ArrayNode rules = unmapped.putArray("rules");
        for (Rule r : c.rules()) {
            ObjectNode rule = rules.addObject();
            rule.put("direction", r.direction().wire());
            rule.put("access", r.access().wire());
            rule.put("protocol", r.protocol());
            if (r.ports() == null) {
                rule.putNull("from_port");
                rule.putNull("to_port");
            } else {
                rule.put("from_port", r.ports().from());
                rule.put("to_port", r.ports().to());
            }
            ArrayNode sources = rule.putArray("sources");
            r.sources().forEach(sources::add);
            ArrayNode destinations = rule.putArray("destinations");
            r.destinations().forEach(destinations::add);
        }
        ArrayNode techniques = unmapped.putArray("techniques");
        alert.techniques().forEach(techniques::add);
        ArrayNode reasons = unmapped.putArray("reasons");
        alert.reasons().forEach(reasons::add);
        unmapped.put("suppressed", alert.suppressed());
        if (alert.response() != null) {
            ObjectNode response = unmapped.putObject("response");
            response.put("mode", alert.response().mode().wire());
            response.put("action", alert.response().action());
            response.put("status", alert.response().status().wire());
            response.put("detail", alert.response().detail());
        }
        return f;
    }

    private static void attack(ObjectNode attack, String version, String tacticUid, String tacticName, String techniqueUid,
                               String techniqueName, String subUid, String subName) {
        attack.put("version", version);
        attack.putObject("tactic").put("uid", tacticUid).put("name", tacticName);
        attack.putObject("technique").put("uid", techniqueUid).put("name", techniqueName);
        attack.putObject("sub_technique").put("uid", subUid).put("name", subName);
    }

    static int severityId(Alert alert) {
        return switch (alert.severity()) {
            case INFO -> 1;
            case LOW -> 2;
            case MEDIUM -> 3;
            case HIGH -> 4;
            case CRITICAL -> 5;
        };
    }

    private static String severityName(Alert alert) {
        return switch (alert.severity()) {
            case INFO -> "Informational";
            case LOW -> "Low";
            case MEDIUM -> "Medium";
            case HIGH -> "High";
            case CRITICAL -> "Critical";
        };
    }
}
