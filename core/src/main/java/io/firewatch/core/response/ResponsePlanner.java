package io.firewatch.core.response;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.detect.AddressSpace;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides, for each alert, whether and how the change is taken back (CONTRACT §6), and writes that into the alert's
 * {@code response} field as {@code planned} or as {@code none} with the reason. Pure: it reads the alert and the
 * event it came from, never the cloud. The cloud's {@link Responder} carries a plan out.
 */
public final class ResponsePlanner {
    /** The tag or label that keeps Firewatch's hands off a resource. */
    public static final String OPT_OUT_KEY = "firewatch-response";
    public static final String OPT_OUT_VALUE = "off";

    private static final Pattern GCP_FIREWALL = Pattern.compile("(?:v1|beta|alpha)\\.compute\\.firewalls\\.(?:insert|patch|update)");
    private static final Pattern GCP_POLICY_RULE = Pattern.compile(
            "(?:v1|beta|alpha)\\.compute\\.(?:firewallPolicies|networkFirewallPolicies|regionNetworkFirewallPolicies)\\.(?:addRule|patchRule)");
    private static final Pattern GCP_FIREWALL_NAME = Pattern.compile("projects/([^/]+)/global/firewalls/([^/]+)");
    private static final Pattern GCP_POLICY_PATH = Pattern.compile(
            "(locations/global/firewallPolicies/[^/]+|projects/[^/]+/global/firewallPolicies/[^/]+|projects/[^/]+/regions/[^/]+/firewallPolicies/[^/]+)");
    private static final String AZURE_SECURITY_RULE_WRITE = "microsoft.network/networksecuritygroups/securityrules/write";
    private static final String AZURE_NSG_WRITE = "microsoft.network/networksecuritygroups/write";

    private final ResponseSettings settings;

    public ResponsePlanner(ResponseSettings settings) {
        this.settings = settings;
    }

    public ResponseSettings settings() {
        return settings;
    }

    /** The alert with its {@code response} field, or the alert unchanged when the response mode is off. */
    public Alert plan(Alert alert) {
        if (!settings.on()) {
            return alert;
        }
        String why = ineligible(alert);
        if (why != null) {
            return alert.withResponse(Response.none(settings.mode(), why));
        }
        Plan plan = remedies(alert.change());
        if (plan.remedies().isEmpty()) {
            return alert.withResponse(Response.none(settings.mode(), plan.why()));
        }
        String verb = settings.mode() == ResponseMode.DRY_RUN ? "would " : "will ";
        return alert.withResponse(new Response(settings.mode(), plan.remedies().get(0).action(), Response.Status.PLANNED,
                verb + describe(plan.remedies())));
    }

    /** What taking the alert's change back means; empty when nothing may or can be taken back. */
    public List<Remedy> remedies(Alert alert) {
        if (ineligible(alert) != null) {
            return List.of();
        }
        return remedies(alert.change()).remedies();
    }

    static String describe(List<Remedy> remedies) {
        List<String> parts = new ArrayList<>();
        for (Remedy r : remedies) {
            parts.add(r.describe());
        }
        return String.join("; ", parts);
    }

    private String ineligible(Alert alert) {
        FirewallChange c = alert.change();
        if (alert.suppressed()) {
            return "suppressed by an allow-list: never answered";
        }
        if (!c.succeeded()) {
            return "the call failed: nothing changed, nothing to take back";
        }
        if (!alert.severity().atLeast(settings.minSeverity())) {
            return "below the response threshold (" + settings.minSeverity().wire() + ")";
        }
        if (!Boolean.TRUE.equals(alert.openToWorld())) {
            return alert.openToWorld() == null
                    ? "the rule's content or direction is not known for certain: only a rule known to admit the whole internet is taken back"
                    : "no rule admits the whole internet";
        }
        if (c.action() != Action.CREATE && c.action() != Action.MODIFY && c.action() != Action.ENABLE) {
            return "a " + c.action().wire() + " adds no rule to take back";
        }
        if (OPT_OUT_VALUE.equalsIgnoreCase(tag(c.tags()))) {
            return "the resource is tagged " + OPT_OUT_KEY + "=" + OPT_OUT_VALUE;
        }
        return null;
    }

    private static String tag(Map<String, String> tags) {
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (OPT_OUT_KEY.equalsIgnoreCase(e.getKey())) {
                return e.getValue() == null ? null : e.getValue().strip();
            }
        }
        return null;
    }

    private record Plan(List<Remedy> remedies, String why) {
        static Plan none(String why) {
            return new Plan(List.of(), why);
        }

        static Plan of(Remedy r) {
            return new Plan(List.of(r), null);
        }
    }

    private static Plan remedies(FirewallChange c) {
        List<Rule> world = worldIngress(c.rules());
        if (world.isEmpty()) {
            return Plan.none("no allow rule of this change admits the whole internet inbound");
        }
        return switch (c.provider()) {
            case AWS -> aws(c, world);
            case GCP -> gcp(c, world);
            case AZURE -> azure(c, world);
        };
    }

    /** The ingress allow rules that admit the whole internet, each cut down to its world-open sources. */
    static List<Rule> worldIngress(List<Rule> rules) {
        List<Rule> out = new ArrayList<>();
        for (Rule r : rules) {
            if (r.direction() != Direction.INGRESS || r.access() != Access.ALLOW) {
                continue;
            }
            List<String> world = new ArrayList<>();
            for (String s : r.sources()) {
                if (AddressSpace.cover(List.of(s)).world()) {
                    world.add(s);
                }
            }
            if (world.isEmpty() && AddressSpace.cover(r.sources()).world()) {
                world.addAll(r.sources());
            }
            if (!world.isEmpty()) {
                out.add(new Rule(r.direction(), r.access(), r.protocol(), r.ports(), world, r.destinations(), r.name(), r.priority()));
            }
        }
        return out;
    }

    private static Plan aws(FirewallChange c, List<Rule> world) {
        JsonNode record = c.raw() == null ? null : c.raw();
        switch (c.operation()) {
            case "AuthorizeSecurityGroupIngress" -> {
                String group = c.resource().id();
                if (group == null || !group.startsWith("sg-")) {
                    return Plan.none("the event names no security group id to revoke the rule from");
                }
                return Plan.of(new Remedy.SecurityGroupIngress(c.account(), c.region(), group, worldRuleIds(record), world));
            }
            case "CreateNetworkAclEntry" -> {
                JsonNode p = record == null ? null : record.path("requestParameters");
                String acl = p == null ? null : p.path("networkAclId").asText(null);
                JsonNode number = p == null ? null : p.path("ruleNumber");
                if (acl == null || number == null || !number.canConvertToInt() || !(number.isNumber() || number.isTextual())) {
                    return Plan.none("the event does not name the network ACL entry");
                }
                int n = number.isNumber() ? number.intValue() : Integer.parseInt(number.asText().strip());
                return Plan.of(new Remedy.NetworkAclEntry(c.account(), c.region(), acl, n));
            }
            case "ReplaceNetworkAclEntry" -> {
                return Plan.none("the entry replaced another whose content the event does not carry: deleting it could cut off"
                        + " more than the change opened, so it is left for a person");
            }
            case "ModifySecurityGroupRules" -> {
                return Plan.none("the change edited an existing rule: revoking it would remove more than the change added");
            }
            default -> {
                return Plan.none(c.operation() + " is not a change Firewatch takes back automatically");
            }
        }
    }

    /** The ids of the world-open ingress rules in the response's {@code securityGroupRuleSet}, AWS's own record. */
    private static List<String> worldRuleIds(JsonNode record) {
        List<String> ids = new ArrayList<>();
        if (record == null) {
            return ids;
        }
        JsonNode items = record.path("responseElements").path("securityGroupRuleSet").path("items");
        for (JsonNode item : items) {
            if (item.path("isEgress").asBoolean(false)) {
                continue;
            }
            String id = item.path("securityGroupRuleId").asText(null);
            String v4 = item.path("cidrIpv4").asText(null);
            String v6 = item.path("cidrIpv6").asText(null);
            String cidr = v4 != null ? v4 : v6;
            if (id != null && cidr != null && AddressSpace.cover(List.of(cidr)).world()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Plan gcp(FirewallChange c, List<Rule> world) {
        String method = c.operation();
        String resource = c.resource().id();
        if (GCP_FIREWALL.matcher(method).matches()) {
            Matcher m = resource == null ? null : GCP_FIREWALL_NAME.matcher(resource);
            if (m == null || !m.find()) {
                return Plan.none("the event does not name the firewall rule");
            }
            return Plan.of(new Remedy.FirewallRule(m.group(1), m.group(2)));
        }
        if (GCP_POLICY_RULE.matcher(method).matches()) {
            Matcher m = resource == null ? null : GCP_POLICY_PATH.matcher(resource);
            Integer priority = world.get(0).priority();
            if (m == null || !m.find() || priority == null) {
                return Plan.none("the event does not name the firewall policy and the rule's priority");
            }
            return Plan.of(new Remedy.FirewallPolicyRule(m.group(1), priority));
        }
        return Plan.none(method + " is not a change Firewatch takes back automatically");
    }

    private static Plan azure(FirewallChange c, List<Rule> world) {
        String op = c.operation().toLowerCase(Locale.ROOT);
        String id = c.resource().id();
        if (id == null) {
            return Plan.none("the event does not name the resource");
        }
        if (op.equals(AZURE_SECURITY_RULE_WRITE)) {
            int cut = id.toLowerCase(Locale.ROOT).lastIndexOf("/securityrules/");
            if (cut < 0) {
                return Plan.none("the resource id names no security rule");
            }
            return Plan.of(new Remedy.SecurityRule(id, id.substring(0, cut), ArmNames.last(id), false));
        }
        if (op.equals(AZURE_NSG_WRITE)) {
            List<Remedy> out = new ArrayList<>();
            for (Rule r : world) {
                if (r.name() == null || r.name().isBlank() || r.name().contains("/")) {
                    return Plan.none("a world-open rule written inline in the NSG has no usable name");
                }
                out.add(new Remedy.SecurityRule(id + "/securityRules/" + r.name(), id, r.name(), true));
            }
            return new Plan(List.copyOf(out), null);
        }
        return Plan.none(c.operation() + " is not a change Firewatch takes back automatically"
                + (c.provider() == Provider.AZURE ? " (only NSG security rules are)" : ""));
    }
}
