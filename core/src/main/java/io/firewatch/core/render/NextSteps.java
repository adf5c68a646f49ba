package io.firewatch.core.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Rule;
import io.firewatch.core.normalize.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the reader can do now: the provider CLI command that takes the change back, shown as text to copy (Firewatch
 * never runs it). A command is built only from values that match the provider's id syntax, so no event text can put
 * shell syntax into it; when a value does not match, or no single command undoes the operation, there is none.
 */
public final class NextSteps {
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern SECURITY_GROUP_RULE = Pattern.compile("sgr-[0-9a-f]{8,17}");
    private static final Pattern NETWORK_ACL = Pattern.compile("acl-[0-9a-f]{8,17}");
    private static final Pattern GCP_PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern GCP_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern GCP_REGION = Pattern.compile("[a-z]+-[a-z]+\\d{1,2}");
    private static final Pattern GCP_HIERARCHY = Pattern.compile("(organizations|folders)/(\\d{1,20})");
    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern ARM = Pattern.compile(
            "(?i)/subscriptions/([0-9a-f-]{36})/resourceGroups/([A-Za-z0-9._-]{1,90})/providers/([A-Za-z.]+)/([A-Za-z]+)/"
                    + "([A-Za-z0-9._-]{1,80})/([A-Za-z]+)/([A-Za-z0-9._-]{1,80})");

    private NextSteps() {
    }

    /** The command that takes the change back, when one command does and every value in it is a well-formed id. */
    public static Optional<String> undoCommand(Alert alert) {
        FirewallChange c = alert.change();
        if (!c.succeeded()) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (c.provider()) {
            case AWS -> aws(c);
            case AZURE -> azure(c);
            case GCP -> gcp(c);
        });
    }

    private static String aws(FirewallChange c) {
        String region = c.region() != null && AWS_REGION.matcher(c.region()).matches() ? " --region " + c.region() : "";
        String id = c.resource().id();
        switch (c.operation()) {
            case "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress" -> {
                if (id == null || !SECURITY_GROUP.matcher(id).matches()) {
                    return null;
                }
                String verb = c.operation().endsWith("Ingress") ? "revoke-security-group-ingress" : "revoke-security-group-egress";
                List<String> ruleIds = securityGroupRuleIds(c.raw());
                return ruleIds.isEmpty() ? null
                        : "aws ec2 " + verb + region + " --group-id " + id + " --security-group-rule-ids " + String.join(" ", ruleIds);
            }
            case "CreateNetworkAclEntry", "ReplaceNetworkAclEntry" -> {
                if (c.operation().startsWith("Replace") || id == null || !NETWORK_ACL.matcher(id).matches() || c.rules().size() != 1
                        || c.rules().get(0).priority() == null || c.rules().get(0).direction() == Direction.UNKNOWN) {
                    return null;
                }
                Rule r = c.rules().get(0);
                return "aws ec2 delete-network-acl-entry" + region + " --network-acl-id " + id + " --rule-number " + r.priority()
                        + (r.direction() == Direction.EGRESS ? " --egress" : " --ingress");
            }
            default -> {
                return null;
            }
        }
    }

    /** The ids AWS gave the rules the call added ({@code responseElements.securityGroupRuleSet}), all well-formed. */
    private static List<String> securityGroupRuleIds(JsonNode raw) {
        if (raw == null) {
            return List.of();
        }
        JsonNode record = raw.has("detail") ? raw.get("detail") : raw;
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode item : Json.items(Json.at(record, "responseElements.securityGroupRuleSet.items"))) {
            String ruleId = Json.text(item, "securityGroupRuleId");
            if (ruleId == null || !SECURITY_GROUP_RULE.matcher(ruleId).matches()) {
                return List.of();
            }
            ids.add(ruleId);
        }
        return List.copyOf(ids);
    }

    private static String gcp(FirewallChange c) {
        String project = c.account();
        String type = c.resource().type() == null ? "" : c.resource().type();
        String name = lastSegment(c.resource().id(), c.resource().name());
        if (type.equals("gce_firewall_rule") || type.equals("compute.firewalls")) {
            if (project == null || !GCP_PROJECT.matcher(project).matches() || name == null || !GCP_NAME.matcher(name).matches()) {
                return null;
            }
            return switch (c.action()) {
                case CREATE, MODIFY, ENABLE -> "gcloud compute firewall-rules update " + name + " --disabled --project " + project;
                case DISABLE -> "gcloud compute firewall-rules update " + name + " --no-disabled --project " + project;
                default -> null;
            };
        }
        boolean ruleAdded = c.action() == Action.CREATE || c.action() == Action.MODIFY;
        Integer priority = onePriority(c.rules());
        if (!ruleAdded || priority == null || name == null || !POLICY_ID.matcher(name).matches()) {
            return null;
        }
        if (type.equals("compute.firewallPolicies")) {
            Matcher h = project == null ? null : GCP_HIERARCHY.matcher(project);
            String scope = h != null && h.matches()
                    ? (h.group(1).equals("organizations") ? " --organization " : " --folder ") + h.group(2) : "";
            return "gcloud compute firewall-policies rules update " + priority + " --firewall-policy " + name + scope + " --disabled";
        }
        if (project == null || !GCP_PROJECT.matcher(project).matches()) {
            return null;
        }
        if (type.equals("compute.networkFirewallPolicies")) {
            return "gcloud compute network-firewall-policies rules update " + priority + " --firewall-policy " + name
                    + " --global-firewall-policy --disabled --project " + project;
        }
        if (type.equals("compute.regionNetworkFirewallPolicies") && c.region() != null && GCP_REGION.matcher(c.region()).matches()) {
            return "gcloud compute network-firewall-policies rules update " + priority + " --firewall-policy " + name
                    + " --firewall-policy-region " + c.region() + " --disabled --project " + project;
        }
        return null;
    }

    private static String azure(FirewallChange c) {
        String id = c.resource().id();
        Matcher m = id == null ? null : ARM.matcher(id);
        if (m == null || !m.matches()) {
            return null;
        }
        String sub = m.group(1).toLowerCase(Locale.ROOT);
        String group = m.group(2);
        String namespace = m.group(3).toLowerCase(Locale.ROOT);
        String parentType = m.group(4).toLowerCase(Locale.ROOT);
        String parent = m.group(5);
        String childType = m.group(6).toLowerCase(Locale.ROOT);
        String child = m.group(7);
        String scope = " --subscription " + sub + " -g " + group;
        boolean added = c.action() == Action.CREATE;
        boolean changed = c.action() == Action.MODIFY;
        if (!added && !changed) {
            return null;
        }
        if (namespace.equals("microsoft.network") && parentType.equals("networksecuritygroups") && childType.equals("securityrules")) {
            // A rule that existed before is closed rather than deleted: its earlier content is not in the event.
            return added ? "az network nsg rule delete" + scope + " --nsg-name " + parent + " -n " + child
                    : "az network nsg rule update" + scope + " --nsg-name " + parent + " -n " + child + " --access Deny";
        }
        if (!childType.equals("firewallrules") || !added) {
            return null;
        }
        return switch (namespace) {
            case "microsoft.sql" -> "az sql server firewall-rule delete" + scope + " -s " + parent + " -n " + child;
            case "microsoft.dbforpostgresql" -> "az postgres flexible-server firewall-rule delete" + scope + " -n " + parent
                    + " -r " + child + " --yes";
            case "microsoft.dbformysql" -> "az mysql flexible-server firewall-rule delete" + scope + " -n " + parent + " -r "
                    + child + " --yes";
            default -> null;
        };
    }

    private static Integer onePriority(List<Rule> rules) {
        Set<Integer> priorities = new LinkedHashSet<>();
        for (Rule r : rules) {
            priorities.add(r.priority());
        }
        return priorities.size() == 1 ? priorities.iterator().next() : null;
    }

    private static String lastSegment(String id, String fallback) {
        if (id != null && !id.isEmpty()) {
            return id.substring(id.lastIndexOf('/') + 1);
        }
        return fallback;
    }

    /** Links a reader may follow, ours only, built by {@link ConsoleLinks}. */
    public record Link(String label, String url) {
    }

    /** The console page of what the change touched (none for what it deleted) and the audit event itself. */
    public static List<Link> links(Alert alert) {
        List<Link> links = new ArrayList<>();
        ConsoleLinks.of(alert).ifPresent(url -> links.add(new Link(ConsoleLinks.label(alert), url)));
        ConsoleLinks.auditEvent(alert).ifPresent(url -> links.add(new Link(ConsoleLinks.auditLabel(alert), url)));
        return links;
    }
}
