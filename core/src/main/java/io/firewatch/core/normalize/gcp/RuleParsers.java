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

    private static final Map<String, RuleParser> BY_NAME = Map.of(
            "gcp-firewall", new VpcFirewallRules(),
            "gcp-firewall-ref", REFERENCE,
            "gcp-policy-rule", FirewallPolicyRules.ONE_RULE,
            "gcp-policy", FirewallPolicyRules.POLICY,
            "gcp-policy-rule-ref", FirewallPolicyRules.REMOVED_RULE,
            "cloud-armor-rule", CloudArmorRules.ONE_RULE,
            "cloud-armor-policy", CloudArmorRules.POLICY,
            "appengine-rule", AppEngineRules.ONE_RULE,
            "appengine-rule-ref", REFERENCE,
            "appengine-rules", AppEngineRules.ALL_RULES);

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
