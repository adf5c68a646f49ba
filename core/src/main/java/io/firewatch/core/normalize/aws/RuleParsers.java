package io.firewatch.core.normalize.aws;

import java.util.Map;
import java.util.Set;

/** The rule parsers the AWS catalogue names, by name. */
final class RuleParsers {
    private static final Map<String, RuleParser> BY_NAME = Map.of(
            "sg-permissions", new SecurityGroupPermissions(),
            "sg-modify", new SecurityGroupRuleEdits(),
            "nacl-entry", new NetworkAclEntries(),
            "nacl-entry-ref", new NetworkAclEntries.Reference(),
            "rds-db-sg", DbSecurityGroups.rds(),
            "cache-sg", DbSecurityGroups.cache(),
            "lightsail-ports", new LightsailPorts(),
            "prefix-list-entries", new ManagedPrefixListEntries(),
            "none", (record, operation) -> ParsedRules.none(),
            "none-unknown", (record, operation) -> ParsedRules.unknown());

    private RuleParsers() {
    }

    /** The parser of that name, or null. */
    static RuleParser named(String name) {
        return BY_NAME.get(name);
    }

    static Set<String> names() {
        return BY_NAME.keySet();
    }
}
