package io.firewatch.core.model;

/** Traffic direction of a rule; UNKNOWN where the event does not say (e.g. ModifySecurityGroupRules). */
public enum Direction {
    INGRESS, EGRESS, UNKNOWN;

    /** The wire value, or null for UNKNOWN. */
    public String wire() {
        return this == UNKNOWN ? null : name().toLowerCase(java.util.Locale.ROOT);
    }
}
