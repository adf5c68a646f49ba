package io.firewatch.core.render;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import java.time.Instant;
import java.util.List;

/** Alerts built straight from the model records, for renderer and sink tests. */
public final class TestAlerts {
    private TestAlerts() {
    }

    /** The contract's example: SSH opened to the world on a security group. */
    public static Alert sshOpenToWorld() {
        return sshOpenToWorld("e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    }

    public static Alert sshOpenToWorld(String eventId) {
        FirewallChange change = FirewallChange.builder(Provider.AWS)
                .account("111122223333").region("us-east-1").time(Instant.parse("2026-11-27T12:00:00Z"))
                .operation("AuthorizeSecurityGroupIngress").action(Action.CREATE).target(Target.RULE)
                .outcome(Outcome.SUCCESS)
                .resource(new ResourceRef("sg-0123456789abcdef0", "web-servers", "AWS::EC2::SecurityGroup"))
                .actor(new Actor("arn:aws:sts::111122223333:assumed-role/Admin/alice", "AssumedRole", "203.0.113.7",
                        "aws-cli/2.15.30 Python/3.11.6 Linux/5.10 exe/x86_64.amzn.2"))
                .rules(List.of(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(22),
                        List.of("0.0.0.0/0", "::/0"), List.of(), null, null)), true)
                .eventId(eventId).changeKey(eventId)
                .raw(json("{\"eventName\":\"AuthorizeSecurityGroupIngress\",\"responseElements\":{\"_return\":true,"
                        + "\"securityGroupRuleSet\":{\"items\":[{\"securityGroupRuleId\":\"sgr-0a1b2c3d4e5f60718\"},"
                        + "{\"securityGroupRuleId\":\"sgr-0f1e2d3c4b5a69788\"}]}}}"))
                .build();
        return new Alert("aws:111122223333:" + eventId, change, Severity.CRITICAL, true,
                List.of("ingress from the whole internet (0.0.0.0/0, ::/0) to tcp/22 (SSH)"), false);
    }

    /** A GCP VPC firewall rule opening RDP to the world for tagged instances, with the context the event carries. */
    public static Alert gcpRdpOpened() {
        FirewallChange change = FirewallChange.builder(Provider.GCP)
                .account("my-project-123").region("global").time(Instant.parse("2026-11-27T12:20:00Z"))
                .operation("v1.compute.firewalls.insert").action(Action.CREATE).target(Target.RULE)
                .resource(new ResourceRef("projects/my-project-123/global/firewalls/allow-rdp", "allow-rdp", "gce_firewall_rule"))
                .actor(new Actor("mallory@example.com", "User", "192.0.2.44", "google-cloud-sdk gcloud/470.0.0"))
                .rules(List.of(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(3389), List.of("0.0.0.0/0"),
                        List.of(), "allow-rdp", 1000, "temporary: vendor support", "prod-vpc", List.of("tag:windows"))), true)
                .eventId("1g2h3j4k5l6m").changeKey("operation-1700000000000-abc")
                .build();
        return new Alert("gcp:my-project-123:operation-1700000000000-abc", change, Severity.CRITICAL, true,
                List.of("ingress from the whole internet (0.0.0.0/0) to tcp/3389 (RDP)"), false);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An Azure deny rule deleted from an NSG. */
    public static Alert azureDenyDeleted() {
        String id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod/providers/"
                + "Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/deny-rdp";
        FirewallChange change = FirewallChange.builder(Provider.AZURE)
                .account("00000000-0000-0000-0000-000000000000").region("westeurope")
                .time(Instant.parse("2026-11-27T12:05:00Z"))
                .operation("Microsoft.Network/networkSecurityGroups/securityRules/delete").action(Action.DELETE)
                .target(Target.RULE).outcome(Outcome.SUCCESS)
                .resource(new ResourceRef(id, "nsg-web/deny-rdp", "Microsoft.Network/networkSecurityGroups/securityRules"))
                .actor(new Actor("bob@example.com", "User", "198.51.100.20", null))
                .rules(List.of(new Rule(Direction.INGRESS, Access.DENY, "tcp", PortRange.single(3389), List.of("*"),
                        List.of("*"), "deny-rdp", 100)), true)
                .eventId("9f1c2b3a-0000-4000-8000-000000000001").changeKey("corr-1")
                .build();
        return new Alert("azure:00000000-0000-0000-0000-000000000000:corr-1", change, Severity.HIGH, false,
                List.of("deny rule deleted: deny-rdp ingress tcp/3389 from *"), false);
    }

    /** A refused GCP firewall insert. */
    public static Alert gcpRefused() {
        FirewallChange change = FirewallChange.builder(Provider.GCP)
                .account("my-project-123").region("global").time(Instant.parse("2026-11-27T12:10:00Z"))
                .operation("v1.compute.firewalls.insert").action(Action.CREATE).target(Target.RULE)
                .outcome(Outcome.FAILURE).errorCode("PERMISSION_DENIED")
                .resource(new ResourceRef("projects/my-project-123/global/firewalls/allow-all", "allow-all", "gce_firewall_rule"))
                .actor(new Actor("mallory@example.com", "User", "192.0.2.44", "google-cloud-sdk gcloud/470.0.0"))
                .rules(List.of(new Rule(Direction.INGRESS, Access.ALLOW, "all", null, List.of("0.0.0.0/0"), List.of(),
                        "allow-all", 1000)), true)
                .eventId("insert-1").changeKey("op-1")
                .build();
        return new Alert("gcp:my-project-123:op-1", change, Severity.LOW, true,
                List.of("the call failed (PERMISSION_DENIED): nothing changed; rated as an attempt",
                        "ingress from the whole internet (0.0.0.0/0) on all protocols and ports"), false);
    }

    /** Every event-derived string is hostile: markdown, links, HTML, line breaks and a 1 MB value. */
    public static Alert hostile() {
        String huge = "**bold** [click](http://evil.example/x) ".repeat(1024 * 1024 / 40 + 1);
        String markdown = "# Heading\r\n> quote _it_ **b** [link](http://x.example) <b>html</b> `code` ![img](http://x/i.png)";
        FirewallChange change = FirewallChange.builder(Provider.AWS)
                .account("111122223333").region("us-east-1").time(Instant.parse("2026-11-27T12:00:00Z"))
                .operation("AuthorizeSecurityGroupIngress").action(Action.CREATE).target(Target.RULE)
                .resource(new ResourceRef("sg-0123456789abcdef0", markdown, "AWS::EC2::SecurityGroup"))
                .actor(new Actor("arn:aws:iam::111122223333:user/[admin](https://phish.example/login)\r\nBcc: victim@example.com",
                        "IAMUser", "203.0.113.7", huge))
                .rules(List.of(new Rule(Direction.INGRESS, Access.ALLOW, "tcp", PortRange.single(22),
                        List.of("0.0.0.0/0"), List.of(), huge, null, markdown, markdown, List.of(markdown))), true)
                .eventId("evt-1\r\nX-Injected: yes").changeKey("evt-1")
                .notes(List.of(huge))
                .build();
        return new Alert("aws:111122223333:evt-1", change, Severity.CRITICAL, true,
                List.of("ingress from the whole internet (0.0.0.0/0) to tcp/22 (SSH)", huge, markdown), false);
    }

    /** A copy of {@code alert} with another severity and suppression flag. */
    public static Alert with(Alert alert, Severity severity, boolean suppressed) {
        return new Alert(alert.id(), alert.change(), severity, alert.openToWorld(), alert.reasons(), suppressed);
    }
}
