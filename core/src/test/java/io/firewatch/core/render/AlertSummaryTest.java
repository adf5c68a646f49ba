package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlertSummaryTest {
    @Test
    void saysWhoOpenedWhatToWhomAndWhere() {
        assertThat(AlertSummary.of(TestAlerts.sshOpenToWorld())).isEqualTo(
                "Admin/alice opened tcp/22 (SSH) to the internet"
                        + " on security group web-servers (sg-0123456789abcdef0) in account 111122223333, us-east-1");
        assertThat(AlertSummary.whatHappened(TestAlerts.sshOpenToWorld())).isEqualTo(
                "opened tcp/22 (SSH) to the internet");
        assertThat(AlertSummary.whatHappened(TestAlerts.azureDenyDeleted())).isEqualTo("removed a rule (ingress deny tcp/3389 (RDP))");
        assertThat(AlertSummary.whatHappened(TestAlerts.gcpRefused())).isEqualTo("tried to open all traffic to the internet: refused"
                + " (PERMISSION_DENIED)");
    }

    @Test
    void namesPrincipalsAsPeopleDo() {
        assertThat(Describe.principal("arn:aws:sts::111122223333:assumed-role/NetworkAdmin/mallory")).isEqualTo("NetworkAdmin/mallory");
        assertThat(Describe.principal("arn:aws:iam::111122223333:user/ops/alice")).isEqualTo("alice");
        assertThat(Describe.principal("arn:aws:iam::111122223333:root")).isEqualTo("root");
        assertThat(Describe.principal("bob@example.com")).isEqualTo("bob@example.com");
        assertThat(Describe.operation(io.firewatch.core.model.Provider.AZURE,
                "MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE"))
                .isEqualTo("Microsoft.Network/networkSecurityGroups/securityRules/write");
    }

    @Test
    void namesTheRemovedRuleAndShortensArmIds() {
        assertThat(AlertSummary.of(TestAlerts.azureDenyDeleted())).isEqualTo(
                "bob@example.com removed a rule (ingress deny tcp/3389 (RDP))"
                        + " from NSG rule nsg-web/deny-rdp in subscription 00000000-0000-0000-0000-000000000000, westeurope");
    }

    @Test
    void aRefusedCallIsAnAttempt() {
        assertThat(AlertSummary.of(TestAlerts.gcpRefused())).isEqualTo(
                "mallory@example.com tried to open all traffic to the internet on VPC firewall rule"
                        + " allow-all in project my-project-123, global: refused (PERMISSION_DENIED)");
    }

    @Test
    void hostileTextIsOneBoundedLine() {
        String summary = AlertSummary.of(TestAlerts.hostile());
        assertThat(summary).doesNotContain("\r", "\n").hasSizeLessThanOrEqualTo(AlertSummary.MAX_LENGTH + Text.TRUNCATED.length());
        assertThat(summary).startsWith("login)  Bcc: victim@example.com opened");
    }

    @Test
    void longNamesAreCutVisibly() {
        var alert = TestAlerts.sshOpenToWorld();
        var change = alert.change().toBuilder()
                .actor(new io.firewatch.core.model.Actor("x".repeat(100_000), null, null, null)).build();
        String summary = AlertSummary.of(new io.firewatch.core.alert.Alert(alert.id(), change, alert.severity(),
                alert.openToWorld(), alert.reasons(), false));
        assertThat(summary).startsWith("x".repeat(120) + Text.TRUNCATED + " opened tcp/22 (SSH)");
    }

    @Test
    void aFollowUpOfTheAutomaticResponseSaysWhatBecameOfTheRule() {
        io.firewatch.core.alert.Alert a = TestAlerts.sshOpenToWorld();
        io.firewatch.core.alert.Alert followUp = new io.firewatch.core.alert.Alert(a.id() + ":response", a.change(), a.severity(),
                a.openToWorld(), a.reasons(), false, new io.firewatch.core.response.Response(
                io.firewatch.core.response.ResponseMode.ENFORCE, "revoke-rule", io.firewatch.core.response.Response.Status.DONE,
                "taken back: revoked security group rule sgr-1"));

        assertThat(AlertSummary.title(followUp)).isEqualTo("CRITICAL · automatic response: taken back");
        assertThat(AlertSummary.subject(followUp, AccountAliases.NONE))
                .startsWith("[Firewatch RESPONSE] taken back: Admin/alice opened tcp/22 (SSH)");
        assertThat(AlertSummary.title(a)).isEqualTo("CRITICAL · firewall change");
    }
}
