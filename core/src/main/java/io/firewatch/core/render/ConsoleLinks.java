package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A link to the changed resource in its provider's console. Every piece taken from the event is checked against the
 * provider's id syntax first: an attacker-shaped id gives a more general page (or no link), never a foreign URL.
 */
public final class ConsoleLinks {
    private static final Pattern AWS_REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern AWS_ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern SECURITY_GROUP = Pattern.compile("sg-[0-9a-f]{8,17}");
    private static final Pattern NETWORK_ACL = Pattern.compile("acl-[0-9a-f]{8,17}");
    private static final Pattern CLOUDTRAIL_EVENT = Pattern.compile("[0-9a-fA-F-]{16,64}");
    private static final Pattern AZURE_ID = Pattern.compile("(?i)/subscriptions/[0-9a-f-]{36}(/[A-Za-z0-9._()~+-]{1,160}){0,16}");
    private static final Pattern AZURE_SUBSCRIPTION = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern GCP_PROJECT = Pattern.compile("[a-z][a-z0-9-]{4,28}[a-z0-9]|[a-z0-9.-]{1,63}:[a-z][a-z0-9-]{4,28}[a-z0-9]");
    private static final Pattern GCP_HIERARCHY = Pattern.compile("(organizations|folders)/(\\d{1,20})");
    private static final Pattern LOG_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern GCP_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private ConsoleLinks() {
    }

    /**
     * The console URL for the alert's resource, if one can be built safely. A resource the change deleted has no
     * page: its parent's page is given where it has one (an NSG for a deleted NSG rule, the firewall list for a GCP
     * firewall rule), else none.
     */
    public static Optional<String> of(Alert alert) {
        FirewallChange c = alert.change();
        return Optional.ofNullable(switch (c.provider()) {
            case AWS -> deletesResource(c) ? null : aws(c);
            case AZURE -> azure(c);
            case GCP -> gcp(c);
        });
    }

    /** The button text for {@link #of}, short enough for a button on a phone. */
    static String label(Alert alert) {
        FirewallChange c = alert.change();
        String where = switch (c.provider()) {
            case AWS -> "AWS console";
            case AZURE -> "Azure portal";
            case GCP -> "Cloud console";
        };
        return deletesResource(c) ? "Parent in " + where : where;
    }

    /**
     * The audit record of the change itself: the CloudTrail event by its id, the resource's Azure Activity Log, or a
     * Logs Explorer query for the GCP entry's insertId or operation id around its time.
     */
    public static Optional<String> auditEvent(Alert alert) {
        FirewallChange c = alert.change();
        String event = c.eventId();
        return Optional.ofNullable(switch (c.provider()) {
            case AWS -> c.region() != null && AWS_REGION.matcher(c.region()).matches() && event != null
                    && CLOUDTRAIL_EVENT.matcher(event).matches()
                    ? "https://" + c.region() + ".console.aws.amazon.com/cloudtrailv2/home?region=" + c.region() + "#/events/" + event
                    : null;
            case AZURE -> azureActivityLog(c);
            case GCP -> logsExplorer(c);
        });
    }

    static String auditLabel(Alert alert) {
        return switch (alert.change().provider()) {
            case AWS -> "CloudTrail event";
            case AZURE -> "Activity Log";
            case GCP -> "Audit log entry";
        };
    }

    /** True when the operation removed the very resource the alert names (not a rule inside a firewall that remains). */
    static boolean deletesResource(FirewallChange c) {
        if (c.action() != io.firewatch.core.model.Action.DELETE) {
            return false;
        }
        String type = c.resource().type() == null ? "" : c.resource().type();
        boolean resourceIsRule = type.endsWith("/securityRules") || type.endsWith("/firewallRules")
                || type.equals("gce_firewall_rule") || type.equals("compute.firewalls");
        return c.target() != io.firewatch.core.model.Target.RULE || resourceIsRule;
    }

    private static String azureActivityLog(FirewallChange c) {
        String id = c.resource().id();
        if (id != null && AZURE_ID.matcher(id).matches()) {
            String scope = deletesResource(c) ? parent(id) : id;
            if (scope != null) {
                return "https://portal.azure.com/#@/resource" + scope + "/eventlogs";
            }
        }
        return "https://portal.azure.com/#view/Microsoft_Azure_ActivityLog/ActivityLogBlade";
    }

    private static String logsExplorer(FirewallChange c) {
        String project = c.account();
        String event = c.eventId();
        if (project == null || event == null || !LOG_ID.matcher(event).matches()) {
            return null;
        }
        Matcher hierarchy = GCP_HIERARCHY.matcher(project);
        String scope;
        if (GCP_PROJECT.matcher(project).matches()) {
            scope = "?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8);
        } else if (hierarchy.matches()) {
            scope = (hierarchy.group(1).equals("organizations") ? "?organizationId=" : "?folder=") + hierarchy.group(2);
        } else {
            return null;
        }
        String query = "insertId=\"" + event + "\" OR operation.id=\"" + event + "\"";
        String range = c.time() == null ? ""
                : ";timeRange=" + c.time().minusSeconds(3600) + "%2F" + c.time().plusSeconds(3600);
        return "https://console.cloud.google.com/logs/query;query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                .replace("+", "%20") + range + scope;
    }

    /**
     * Where to look after a deletion: the ARM id without its last type/name pair (the NSG of a security rule), or the
     * resource group of a deleted top-level resource; null when the id has neither.
     */
    private static String parent(String id) {
        int providers = id.toLowerCase(Locale.ROOT).indexOf("/providers/");
        int cut = id.lastIndexOf('/', id.lastIndexOf('/') - 1);
        if (providers < 0 || cut <= providers) {
            return null;
        }
        String parent = id.substring(0, cut);
        // namespace/type/name must remain after /providers/; else the resource group holds what was deleted
        if (parent.substring(providers + "/providers/".length()).split("/").length >= 3) {
            return parent;
        }
        String group = id.substring(0, providers);
        return group.toLowerCase(Locale.ROOT).contains("/resourcegroups/") ? group : null;
    }

    private static String aws(FirewallChange c) {
        String region = c.region();
        if (region == null || !AWS_REGION.matcher(region).matches()) {
            return null;
        }
        String base = "https://" + region + ".console.aws.amazon.com/";
        String id = c.resource().id();
        if (id != null && SECURITY_GROUP.matcher(id).matches()) {
            return base + "ec2/home?region=" + region + "#SecurityGroup:groupId=" + id;
        }
        if (id != null && NETWORK_ACL.matcher(id).matches()) {
            return base + "vpcconsole/home?region=" + region + "#NetworkAclDetails:networkAclId=" + id;
        }
        return null;
    }

    private static String azure(FirewallChange c) {
        String id = c.resource().id();
        if (id != null && AZURE_ID.matcher(id).matches()) {
            String page = deletesResource(c) ? parent(id) : id;
            return page == null ? null : "https://portal.azure.com/#@/resource" + page;
        }
        String subscription = c.account();
        if (subscription != null && AZURE_SUBSCRIPTION.matcher(subscription).matches()) {
            return "https://portal.azure.com/#@/resource/subscriptions/" + subscription.toLowerCase(Locale.ROOT) + "/overview";
        }
        return null;
    }

    private static String gcp(FirewallChange c) {
        String project = c.account();
        String type = c.resource().type() == null ? "" : c.resource().type();
        Matcher hierarchy = project == null ? null : GCP_HIERARCHY.matcher(project);
        if (hierarchy != null && hierarchy.matches() && type.equals("compute.firewallPolicies")) {
            // Hierarchical policies live in an organization or folder, not a project.
            return "https://console.cloud.google.com/net-security/firewall-manager/firewall-policies/list?"
                    + (hierarchy.group(1).equals("organizations") ? "organizationId=" : "folder=") + hierarchy.group(2);
        }
        if (project == null || !GCP_PROJECT.matcher(project).matches()) {
            return null;
        }
        String query = "?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8);
        String name = gcpFirewallName(c);
        if ((type.equals("gce_firewall_rule") || type.equals("compute.firewalls")) && name != null && !deletesResource(c)) {
            return "https://console.cloud.google.com/networking/firewalls/details/" + name + query;
        }
        if (type.contains("irewallPolicies")) {
            return "https://console.cloud.google.com/net-security/firewall-manager/firewall-policies/list" + query;
        }
        if (type.equals("gae_app")) {
            return "https://console.cloud.google.com/appengine/firewall" + query;
        }
        if (type.contains("securityPolicies")) {
            return "https://console.cloud.google.com/net-security/securitypolicies/list" + query;
        }
        return "https://console.cloud.google.com/networking/firewalls/list" + query;
    }

    private static String gcpFirewallName(FirewallChange c) {
        String name = c.resource().name();
        if (name == null && c.resource().id() != null) {
            String id = c.resource().id();
            name = id.substring(id.lastIndexOf('/') + 1);
        }
        return name != null && GCP_NAME.matcher(name).matches() ? name : null;
    }
}
