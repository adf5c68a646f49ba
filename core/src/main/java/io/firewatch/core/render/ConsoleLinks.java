package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
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
    private static final Pattern GCP_NAME = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");

    private ConsoleLinks() {
    }

    /** The console URL for the alert's resource, if one can be built safely. */
    public static Optional<String> of(Alert alert) {
        FirewallChange c = alert.change();
        return Optional.ofNullable(switch (c.provider()) {
            case AWS -> aws(c);
            case AZURE -> azure(c);
            case GCP -> gcp(c);
        });
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
        String event = c.eventId();
        if (event != null && CLOUDTRAIL_EVENT.matcher(event).matches()) {
            return base + "cloudtrailv2/home?region=" + region + "#/events/" + event;
        }
        return base + "cloudtrailv2/home?region=" + region + "#/events";
    }

    private static String azure(FirewallChange c) {
        String id = c.resource().id();
        if (id != null && AZURE_ID.matcher(id).matches()) {
            return "https://portal.azure.com/#@/resource" + id;
        }
        String subscription = c.account();
        if (subscription != null && AZURE_SUBSCRIPTION.matcher(subscription).matches()) {
            return "https://portal.azure.com/#@/resource/subscriptions/" + subscription.toLowerCase(Locale.ROOT) + "/overview";
        }
        return null;
    }

    private static String gcp(FirewallChange c) {
        String project = c.account();
        if (project == null || !GCP_PROJECT.matcher(project).matches()) {
            return null;
        }
        String query = "?project=" + URLEncoder.encode(project, StandardCharsets.UTF_8);
        String type = c.resource().type() == null ? "" : c.resource().type();
        String name = gcpFirewallName(c);
        if ((type.equals("gce_firewall_rule") || type.equals("compute.firewalls")) && name != null) {
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
