package io.firewatch.core.model;

/** What kind of firewall object an operation touches; the detector weighs deletions by it. */
public enum Target {
    /** A whole firewall: security group, NSG, network ACL, firewall, firewall or WAF policy. */
    FIREWALL,
    /** One or more rules of a firewall. */
    RULE,
    /** A named collection of rules (rule collection group, WAF or Network Firewall rule group). */
    RULE_GROUP,
    /** A list of addresses a monitoring service trusts (GuardDuty IP set, trusted entity set). */
    TRUST_LIST,
    /**
     * A list of addresses that rules reference (AWS managed prefix list, Azure IP group): what it holds, every rule
     * naming it admits or denies. Its entries are shown as ingress allow rules on all protocols, the widest a
     * referencing rule can give them.
     */
    ADDRESS_LIST,
    /** The link between a firewall and what it protects (subnet, load balancer, instance, network). */
    ASSOCIATION,
    /** Logging, diagnostics or protection settings of a firewall. */
    SETTINGS;

    public static Target fromWire(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
