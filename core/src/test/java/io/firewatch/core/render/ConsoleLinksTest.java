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
        Alert azure = TestAlerts.azureDenyDeleted();
        assertThat(ConsoleLinks.of(azure)).contains("https://portal.azure.com/#@/resource" + azure.change().resource().id());
        assertThat(ConsoleLinks.of(TestAlerts.gcpRefused()))
                .contains("https://console.cloud.google.com/networking/firewalls/details/allow-all?project=my-project-123");
    }

    @Test
    void attackerShapedIdsNeverBecomeForeignLinks() {
        Alert hostileSg = withResource(TestAlerts.sshOpenToWorld(),
                new ResourceRef("sg-1@evil.example/x", null, "AWS::EC2::SecurityGroup"));
        assertThat(ConsoleLinks.of(hostileSg).orElseThrow()).startsWith("https://us-east-1.console.aws.amazon.com/cloudtrailv2/")
                .doesNotContain("evil");
        Alert hostileRegion = new Alert("x", TestAlerts.sshOpenToWorld().change().toBuilder().region("evil.example/#").build(),
                TestAlerts.sshOpenToWorld().severity(), true, java.util.List.of(), false);
        assertThat(ConsoleLinks.of(hostileRegion)).isEmpty();
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
