package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Severity;
import org.junit.jupiter.api.Test;

class NextStepsTest {
    private static final String NSG_RULE = "/subscriptions/0b1f6471-1bf0-4dda-aec3-111122223333/resourceGroups/rg-web/providers/"
            + "Microsoft.Network/networkSecurityGroups/nsg-web/securityRules/allow-rdp";

    @Test
    void awsRevokesExactlyTheRulesTheCallAdded() {
        assertThat(NextSteps.undoCommand(TestAlerts.sshOpenToWorld())).contains("aws ec2 revoke-security-group-ingress"
                + " --region us-east-1 --group-id sg-0123456789abcdef0"
                + " --security-group-rule-ids sgr-0a1b2c3d4e5f60718 sgr-0f1e2d3c4b5a69788");
        Alert noIds = with(TestAlerts.sshOpenToWorld(), TestAlerts.sshOpenToWorld().change().toBuilder().raw(null).build());
        assertThat(NextSteps.undoCommand(noIds)).as("without the rule ids, no guess").isEmpty();
    }

    @Test
    void azureDeletesAnAddedNsgRuleAndClosesAChangedOne() {
        Alert added = azure(Action.CREATE, NSG_RULE);
        assertThat(NextSteps.undoCommand(added)).contains("az network nsg rule delete --subscription"
                + " 0b1f6471-1bf0-4dda-aec3-111122223333 -g rg-web --nsg-name nsg-web -n allow-rdp");
        assertThat(NextSteps.undoCommand(azure(Action.MODIFY, NSG_RULE))).contains("az network nsg rule update --subscription"
                + " 0b1f6471-1bf0-4dda-aec3-111122223333 -g rg-web --nsg-name nsg-web -n allow-rdp --access Deny");
        assertThat(NextSteps.undoCommand(azure(Action.CREATE, NSG_RULE.replace("Microsoft.Network/networkSecurityGroups/nsg-web"
                + "/securityRules/allow-rdp", "Microsoft.Sql/servers/sql-shop/firewallRules/AllowAll"))))
                .contains("az sql server firewall-rule delete --subscription 0b1f6471-1bf0-4dda-aec3-111122223333 -g rg-web"
                        + " -s sql-shop -n AllowAll");
        assertThat(NextSteps.undoCommand(TestAlerts.azureDenyDeleted())).as("a deleted rule cannot be put back by one command").isEmpty();
    }

    @Test
    void gcpDisablesTheRuleRatherThanDeletingIt() {
        assertThat(NextSteps.undoCommand(TestAlerts.gcpRdpOpened()))
                .contains("gcloud compute firewall-rules update allow-rdp --disabled --project my-project-123");
        assertThat(NextSteps.undoCommand(TestAlerts.gcpRefused())).as("a refused call changed nothing").isEmpty();
    }

    @Test
    void shellSyntaxInAnIdNeverReachesACommand() {
        for (String hostile : new String[] {NSG_RULE.replace("allow-rdp", "x;rm -rf ~"), NSG_RULE.replace("rg-web", "rg$(id)"),
                NSG_RULE.replace("allow-rdp", "a`b`"), NSG_RULE + "\nwhoami"}) {
            assertThat(NextSteps.undoCommand(azure(Action.CREATE, hostile))).as(hostile).isEmpty();
        }
        Alert gcp = TestAlerts.gcpRdpOpened();
        Alert hostileGcp = with(gcp, gcp.change().toBuilder()
                .resource(new ResourceRef("projects/p/global/firewalls/x;reboot", "x;reboot", "gce_firewall_rule")).build());
        assertThat(NextSteps.undoCommand(hostileGcp)).isEmpty();
    }

    private static Alert azure(Action action, String id) {
        Alert base = TestAlerts.azureDenyDeleted();
        FirewallChange c = base.change().toBuilder().action(action).account("0b1f6471-1bf0-4dda-aec3-111122223333")
                .resource(new ResourceRef(id, null, "Microsoft.Network/networkSecurityGroups/securityRules")).build();
        return new Alert(base.id(), c, Severity.CRITICAL, true, base.reasons(), false);
    }

    private static Alert with(Alert alert, FirewallChange change) {
        return new Alert(alert.id(), change, alert.severity(), alert.openToWorld(), alert.reasons(), alert.suppressed());
    }
}
