package io.firewatch.core.normalize.gcp;

import io.firewatch.core.model.Target;
import java.util.List;
import java.util.Map;

/** The rule parsers by the names the catalogue's {@code rules} column gives them. */
final class RuleParsers {
    /** The entry names no rule: known-empty for whole policies and associations, unknown for rules. */
    static final RuleParser NONE = in -> in.operation().target() == Target.RULE || in.operation().target() == Target.RULE_GROUP
            ? ParsedRules.unknown(in.action(), List.of())
            : ParsedRules.of(in.action(), List.of(), List.of());

    private static final RuleParser REFERENCE = in -> ParsedRules.unknown(in.action(), List.of());

    private static final Map<String, RuleParser> BY_NAME = Map.ofEntries(
            Map.entry("gcp-firewall", new VpcFirewallRules()),
            Map.entry("gcp-firewall-ref", REFERENCE),
            Map.entry("gcp-policy-rule", FirewallPolicyRules.ONE_RULE),
            Map.entry("gcp-policy", FirewallPolicyRules.POLICY),
            Map.entry("gcp-policy-rule-ref", FirewallPolicyRules.REMOVED_RULE),
            Map.entry("cloud-armor-rule", CloudArmorRules.ONE_RULE),
            Map.entry("cloud-armor-policy", CloudArmorRules.POLICY),
            Map.entry("appengine-rule", AppEngineRules.ONE_RULE),
            Map.entry("appengine-rule-ref", REFERENCE),
            Map.entry("appengine-rules", AppEngineRules.ALL_RULES),
            Map.entry("cloudsql-authorized-networks", new CloudSqlNetworks()));

    private RuleParsers() {
    }

    /** The parser of a catalogue name; {@code none} and unknown names read no rule. */
    static RuleParser named(String name) {
        return BY_NAME.getOrDefault(name, NONE);
    }

    static boolean exists(String name) {
        return "none".equals(name) || BY_NAME.containsKey(name);
    }
}
