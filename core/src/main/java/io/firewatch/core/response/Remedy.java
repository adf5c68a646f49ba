package io.firewatch.core.response;

import io.firewatch.core.model.Rule;
import java.util.List;

/**
 * Exactly what taking a change back means, per cloud: always the one rule the change added, never a whole firewall.
 * A cloud's {@link Responder} carries it out.
 */
public sealed interface Remedy {
    /** The {@link Response#action()} word. */
    String action();

    /** What will be or was done, in plain words. */
    String describe();

    /**
     * AWS: revoke ingress rules of a security group, by their {@code securityGroupRuleId}s when the event's response
     * names them, else by the exact permissions (protocol, ports and the world-open sources only).
     */
    record SecurityGroupIngress(String account, String region, String groupId, List<String> ruleIds,
                                List<Rule> permissions) implements Remedy {
        public SecurityGroupIngress {
            ruleIds = List.copyOf(ruleIds);
            permissions = List.copyOf(permissions);
        }

        @Override
        public String action() {
            return "revoke-rule";
        }

        @Override
        public String describe() {
            return ruleIds.isEmpty()
                    ? "revoke the world-open ingress permission" + (permissions.size() == 1 ? " " : "s ")
                    + Rules.summary(permissions) + " from " + groupId
                    : "revoke security group rule" + (ruleIds.size() == 1 ? " " : "s ") + String.join(", ", ruleIds)
                    + " (" + Rules.summary(permissions) + ") from " + groupId;
        }
    }

    /**
     * AWS: delete a network ACL entry that {@code CreateNetworkAclEntry} added. The entry number was free before the
     * change, so deleting it restores exactly what was there and cannot cut off more than the change opened.
     */
    record NetworkAclEntry(String account, String region, String aclId, int ruleNumber) implements Remedy {
        @Override
        public String action() {
            return "delete-entry";
        }

        @Override
        public String describe() {
            return "delete inbound entry " + ruleNumber + " of network ACL " + aclId;
        }
    }

    /** GCP: switch a VPC firewall rule off ({@code disabled: true}): reversible, and the rule stays for review. */
    record FirewallRule(String project, String name) implements Remedy {
        @Override
        public String action() {
            return "disable-rule";
        }

        @Override
        public String describe() {
            return "disable VPC firewall rule " + name + " in project " + project;
        }
    }

    /**
     * GCP: switch one rule of a firewall policy off. {@code policyPath} is the policy's path under the Compute API
     * ({@code locations/global/firewallPolicies/123}, {@code projects/p/global/firewallPolicies/name} or
     * {@code projects/p/regions/r/firewallPolicies/name}).
     */
    record FirewallPolicyRule(String policyPath, int priority) implements Remedy {
        @Override
        public String action() {
            return "disable-rule";
        }

        @Override
        public String describe() {
            return "disable the rule at priority " + priority + " of firewall policy " + policyPath;
        }
    }

    /**
     * Azure: delete one security rule. {@code inline} when the change wrote the whole NSG with the rule inside it:
     * only that rule is removed, through its own resource id, never the NSG.
     */
    record SecurityRule(String ruleId, String nsgId, String name, boolean inline) implements Remedy {
        @Override
        public String action() {
            return "delete-rule";
        }

        @Override
        public String describe() {
            return "delete security rule " + name + " of NSG " + ArmNames.last(nsgId)
                    + (inline ? " (written inline in the NSG: only this rule is removed, and it may predate the change)" : "");
        }
    }
}
