package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.ResourceRef;
import org.junit.jupiter.api.Test;

class ConsoleLinksTest {
    @Test
    void awsSecurityGroupAndNetworkAclPages() {
        assertThat(ConsoleLinks.of(TestAlerts.sshOpenToWorld())).contains(
                "https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0");
        Alert acl = withResource(TestAlerts.sshOpenToWorld(), new ResourceRef("acl-0abc1234def567890", null, "AWS::EC2::NetworkAcl"));
        assertThat(ConsoleLinks.of(acl)).contains("https://us-east-1.console.aws.amazon.com/vpcconsole/home?region=us-east-1"
                + "#NetworkAclDetails:networkAclId=acl-0abc1234def567890");
    }

    @Test
    void azurePortalResourceAndGcpFirewallPage() {
        Alert deleted = TestAlerts.azureDenyDeleted();
        String nsg = deleted.change().resource().id().replace("/securityRules/deny-rdp", "");
        assertThat(ConsoleLinks.of(deleted)).as("a deleted rule has no page; its NSG has").contains("https://portal.azure.com/#@/resource" + nsg);
        Alert written = new Alert(deleted.id(), deleted.change().toBuilder().action(io.firewatch.core.model.Action.CREATE).build(),
                deleted.severity(), false, deleted.reasons(), false);
        assertThat(ConsoleLinks.of(written)).contains("https://portal.azure.com/#@/resource" + deleted.change().resource().id());
        assertThat(ConsoleLinks.of(TestAlerts.gcpRefused()))
                .contains("https://console.cloud.google.com/networking/firewalls/details/allow-all?project=my-project-123");
    }

    @Test
    void aDeletedNsgLinksToItsResourceGroup() {
        Alert rule = TestAlerts.azureDenyDeleted();
        String nsg = rule.change().resource().id().replace("/securityRules/deny-rdp", "");
        Alert deleted = new Alert(rule.id(), rule.change().toBuilder().operation("Microsoft.Network/networkSecurityGroups/delete")
                .target(io.firewatch.core.model.Target.FIREWALL)
                .resource(new ResourceRef(nsg, "nsg-web", "Microsoft.Network/networkSecurityGroups")).build(),
                rule.severity(), false, rule.reasons(), false);
        String group = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-prod";
        assertThat(ConsoleLinks.of(deleted)).contains("https://portal.azure.com/#@/resource" + group);
        assertThat(ConsoleLinks.auditEvent(deleted)).contains("https://portal.azure.com/#@/resource" + group + "/eventlogs");
    }

    @Test
    void noPageForWhatTheChangeDeletedAndAPageForHierarchicalPolicies() {
        Alert sg = TestAlerts.sshOpenToWorld();
        Alert sgDeleted = new Alert(sg.id(), sg.change().toBuilder().operation("DeleteSecurityGroup")
                .action(io.firewatch.core.model.Action.DELETE).target(io.firewatch.core.model.Target.FIREWALL).build(),
                io.firewatch.core.model.Severity.HIGH, false, sg.reasons(), false);
        assertThat(ConsoleLinks.of(sgDeleted)).isEmpty();
        assertThat(ConsoleLinks.auditEvent(sgDeleted)).contains("https://us-east-1.console.aws.amazon.com/cloudtrailv2/home"
                + "?region=us-east-1#/events/e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d");

        Alert gcp = TestAlerts.gcpRefused();
        Alert gcpDeleted = new Alert(gcp.id(), gcp.change().toBuilder().action(io.firewatch.core.model.Action.DELETE)
                .outcome(io.firewatch.core.model.Outcome.SUCCESS).build(), io.firewatch.core.model.Severity.MEDIUM, false,
                gcp.reasons(), false);
        assertThat(ConsoleLinks.of(gcpDeleted)).contains("https://console.cloud.google.com/networking/firewalls/list?project=my-project-123");

        Alert policy = withResource(gcp, new ResourceRef("locations/global/firewallPolicies/123456", null, "compute.firewallPolicies"));
        policy = new Alert(policy.id(), policy.change().toBuilder().account("organizations/998877").build(), policy.severity(),
                true, policy.reasons(), false);
        assertThat(ConsoleLinks.of(policy))
                .contains("https://console.cloud.google.com/net-security/firewall-manager/firewall-policies/list?organizationId=998877");
    }

    @Test
    void attackerShapedIdsNeverBecomeForeignLinks() {
        Alert hostileSg = withResource(TestAlerts.sshOpenToWorld(),
                new ResourceRef("sg-1@evil.example/x", null, "AWS::EC2::SecurityGroup"));
        assertThat(ConsoleLinks.of(hostileSg)).isEmpty();
        assertThat(ConsoleLinks.auditEvent(hostileSg).orElseThrow()).startsWith("https://us-east-1.console.aws.amazon.com/cloudtrailv2/")
                .doesNotContain("evil");
        assertThat(NextSteps.undoCommand(hostileSg)).as("no command from an attacker-shaped id").isEmpty();
        Alert hostileRegion = new Alert("x", TestAlerts.sshOpenToWorld().change().toBuilder().region("evil.example/#").build(),
                TestAlerts.sshOpenToWorld().severity(), true, java.util.List.of(), false);
        assertThat(ConsoleLinks.of(hostileRegion)).isEmpty();
        assertThat(ConsoleLinks.auditEvent(hostileRegion)).isEmpty();
        Alert hostileAzure = withResource(TestAlerts.azureDenyDeleted(),
                new ResourceRef("/subscriptions/00000000-0000-0000-0000-000000000000/x?y=https://evil.example", null, null));
        assertThat(ConsoleLinks.of(hostileAzure).orElseThrow()).isEqualTo(
                "https://portal.azure.com/#@/resource/subscriptions/00000000-0000-0000-0000-000000000000/overview");
    }

    private static Alert withResource(Alert alert, ResourceRef resource) {
        FirewallChange c = alert.change().toBuilder().resource(resource).build();
        return new Alert(alert.id(), c, alert.severity(), alert.openToWorld(), alert.reasons(), alert.suppressed());
    }
}
