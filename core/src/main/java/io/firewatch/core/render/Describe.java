package io.firewatch.core.render;

import io.firewatch.core.model.Direction;
import io.firewatch.core.model.PortNames;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Protocols;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import java.util.List;
import java.util.Map;

/** Plain-words pieces shared by the renderers: rules, ports and resource kinds. Output is raw (not yet escaped). */
final class Describe {
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("AWS::EC2::SecurityGroup", "security group"),
            Map.entry("AWS::EC2::NetworkAcl", "network ACL"),
            Map.entry("AWS::EC2::Instance", "instance"),
            Map.entry("AWS::EC2::NetworkInterface", "network interface"),
            Map.entry("AWS::GuardDuty::IPSet", "GuardDuty trusted IP list"),
            Map.entry("AWS::GuardDuty::TrustedEntitySet", "GuardDuty trusted entity list"),
            Map.entry("AWS::NetworkFirewall::Firewall", "network firewall"),
            Map.entry("AWS::NetworkFirewall::FirewallPolicy", "network firewall policy"),
            Map.entry("AWS::NetworkFirewall::RuleGroup", "network firewall rule group"),
            Map.entry("AWS::RDS::DBSecurityGroup", "DB security group"),
            Map.entry("AWS::ElastiCache::SecurityGroup", "cache security group"),
            Map.entry("AWS::Lightsail::Instance", "Lightsail instance"),
            Map.entry("Microsoft.Network/networkSecurityGroups", "network security group"),
            Map.entry("Microsoft.Network/networkSecurityGroups/securityRules", "NSG rule"),
            Map.entry("Microsoft.Network/azureFirewalls", "Azure Firewall"),
            Map.entry("Microsoft.Network/firewallPolicies", "firewall policy"),
            Map.entry("Microsoft.Network/firewallPolicies/ruleCollectionGroups", "rule collection group"),
            Map.entry("gce_firewall_rule", "VPC firewall rule"),
            Map.entry("compute.firewalls", "VPC firewall rule"),
            Map.entry("compute.firewallPolicies", "firewall policy"),
            Map.entry("compute.networkFirewallPolicies", "network firewall policy"),
            Map.entry("compute.regionNetworkFirewallPolicies", "regional network firewall policy"),
            Map.entry("compute.securityPolicies", "Cloud Armor policy"),
            Map.entry("gae_app", "App Engine firewall"),
            Map.entry("network_security_policy", "Cloud Armor policy"),
            Map.entry("gce_backend_service", "backend service"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "load balancer"),
            Map.entry("AWS::ElasticLoadBalancing::LoadBalancer", "classic load balancer"),
            Map.entry("AWS::WAFv2::WebACL", "WAF web ACL"),
            Map.entry("AWS::WAFv2::IPSet", "WAF IP set"),
            Map.entry("AWS::WAFv2::RuleGroup", "WAF rule group"),
            Map.entry("AWS::WAF::WebACL", "WAF Classic web ACL"),
            Map.entry("AWS::WAF::Rule", "WAF Classic rule"),
            Map.entry("AWS::WAF::IPSet", "WAF Classic IP set"),
            Map.entry("AWS::WAFRegional::WebACL", "WAF Classic web ACL"),
            Map.entry("AWS::WAFRegional::Rule", "WAF Classic rule"),
            Map.entry("AWS::WAFRegional::IPSet", "WAF Classic IP set"),
            Map.entry("Microsoft.Sql/servers/firewallRules", "SQL server firewall rule"),
            Map.entry("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", "PostgreSQL server firewall rule"),
            Map.entry("Microsoft.DBforMySQL/flexibleServers/firewallRules", "MySQL server firewall rule"));

    private Describe() {
    }

    /** {@code tcp/22 (SSH)}, {@code tcp/8000-8080}, {@code all traffic}, {@code icmp}. */
    static String ports(Rule r) {
        PortRange p = r.ports();
        if (r.isAllProtocols() && (p == null || p.isAll())) {
            return "all traffic";
        }
        if (p == null) {
            return Protocols.hasPorts(r.protocol()) ? r.protocol() + "/all ports" : r.protocol();
        }
        if (p.isAll()) {
            return r.protocol() + "/all ports";
        }
        String name = p.from() == p.to() ? PortNames.of(p.from()) : null;
        return r.protocol() + "/" + p + (name == null ? "" : " (" + name + ")");
    }

    /** {@code ingress allow tcp/22 (SSH) from 0.0.0.0/0, ::/0}, with at most {@code maxAddresses} addresses. */
    static String rule(Rule r, int maxAddresses) {
        StringBuilder b = new StringBuilder();
        if (r.name() != null) {
            b.append(r.name()).append(": ");
        }
        b.append(r.direction() == Direction.UNKNOWN ? "direction unknown" : r.direction().wire())
                .append(' ').append(r.access().wire()).append(' ').append(ports(r));
        if (!r.sources().isEmpty()) {
            b.append(" from ").append(addresses(r.sources(), maxAddresses));
        }
        if (!r.destinations().isEmpty()) {
            b.append(" to ").append(addresses(r.destinations(), maxAddresses));
        }
        if (!r.targets().isEmpty()) {
            b.append(" for ").append(addresses(r.targets(), maxAddresses));
        }
        if (r.priority() != null || r.network() != null) {
            b.append(" (");
            if (r.priority() != null) {
                b.append("priority ").append(r.priority()).append(r.network() == null ? "" : ", ");
            }
            if (r.network() != null) {
                b.append("network ").append(r.network());
            }
            b.append(')');
        }
        if (r.description() != null) {
            b.append(", described as \u201c").append(r.description()).append('\u201d');
        }
        return b.toString();
    }

    static String addresses(List<String> values, int max) {
        if (values.size() <= max) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, max)) + " and " + (values.size() - max) + " more";
    }

    /** {@code ingress deny tcp/23 (Telnet)}: a rule in a few words, for one-line summaries. */
    static String ruleBrief(Rule r) {
        return (r.direction() == Direction.UNKNOWN ? "" : r.direction().wire() + " ") + r.access().wire() + " " + ports(r);
    }

    /**
     * A principal as a person names it: an AWS assumed role keeps role and session ({@code NetworkAdmin/mallory}), an
     * IAM user or federated user its name, the root user {@code root}; UPNs, emails and app ids stay as they are.
     */
    static String principal(String principal) {
        if (principal == null || !principal.startsWith("arn:")) {
            return principal;
        }
        String[] arn = principal.split(":", 6);
        if (arn.length < 6) {
            return principal;
        }
        String resource = arn[5];
        if (resource.equals("root")) {
            return "root";
        }
        int slash = resource.indexOf('/');
        if (slash < 0 || slash == resource.length() - 1) {
            return principal;
        }
        String kind = resource.substring(0, slash);
        String rest = resource.substring(slash + 1);
        return switch (kind) {
            case "assumed-role" -> rest;
            case "user", "federated-user", "role" -> rest.substring(rest.lastIndexOf('/') + 1);
            default -> principal;
        };
    }

    /** An Azure operation in its documented casing (logs also write it upper or lower case); others as they are. */
    static String operation(io.firewatch.core.model.Provider provider, String operation) {
        if (provider != io.firewatch.core.model.Provider.AZURE || operation == null) {
            return operation;
        }
        io.firewatch.core.catalog.Operation known = Catalog.INSTANCE.azure(operation);
        return known == null ? operation : known.operation();
    }

    /** Loaded on first use: only a rendering of an Azure alert needs it. */
    private static final class Catalog {
        static final io.firewatch.core.catalog.OperationCatalog INSTANCE = io.firewatch.core.catalog.OperationCatalog.load();
    }

    /** A reader's name for a resource type: "security group" for {@code AWS::EC2::SecurityGroup}. */
    static String kind(String type) {
        if (type == null) {
            return "resource";
        }
        String known = KINDS.get(type);
        if (known != null) {
            return known;
        }
        int cut = Math.max(type.lastIndexOf('/'), Math.max(type.lastIndexOf(':'), type.lastIndexOf('.')));
        String last = cut >= 0 && cut < type.length() - 1 ? type.substring(cut + 1) : type;
        // firewallRules -> "firewall rules", network_security_policy -> "network security policy"
        return last.replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The resource as a reader names it: its name with a short id ({@code web (sg-0123)}), a short id alone, or the
     * meaningful tail of a long id (an ARM id's names, {@code nsg-web/deny-rdp}).
     */
    static String label(ResourceRef r) {
        String id = r.id();
        String name = r.name();
        if (id == null) {
            return name;
        }
        if (id.indexOf('/') < 0 && id.length() <= 48) {
            return name == null || name.equals(id) ? id : name + " (" + id + ")";
        }
        String arm = armNames(id);
        if (arm != null) {
            return arm;
        }
        return name != null ? name : tail(id);
    }

    /** The part of an id a person recognises: a short id whole, an ARM id's names, else the last two path segments. */
    static String tail(String id) {
        if (id.length() <= 48 && id.indexOf('/') < 0) {
            return id;
        }
        String arm = armNames(id);
        if (arm != null) {
            return arm;
        }
        String[] parts = id.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : id;
    }

    /** The names in an ARM id, which alternates type and name after the namespace: {@code nsg1/rule1}; else null. */
    private static String armNames(String id) {
        int providers = id.toLowerCase(java.util.Locale.ROOT).lastIndexOf("/providers/");
        if (providers < 0) {
            return null;
        }
        String[] parts = id.substring(providers + "/providers/".length()).split("/");
        StringBuilder names = new StringBuilder();
        for (int i = 2; i < parts.length; i += 2) {
            names.append(names.length() == 0 ? "" : "/").append(parts[i]);
        }
        return names.length() > 0 ? names.toString() : null;
    }

    /** True when {@link #label} shows less than the whole id, so the full id belongs in the details. */
    static boolean labelHidesId(ResourceRef r) {
        String label = label(r);
        return r.id() != null && (label == null || !label.contains(r.id()));
    }
}
