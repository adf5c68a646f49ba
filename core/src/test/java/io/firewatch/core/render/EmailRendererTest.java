package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailRendererTest {
    @Test
    void subjectCarriesSeverityAndSummary() {
        assertThat(EmailRenderer.subject(TestAlerts.sshOpenToWorld())).isEqualTo(
                "[Firewatch CRITICAL] Admin/alice opened tcp/22 (SSH) to the internet"
                        + " on security group web-servers (sg-0123456789abcdef0) in account 111122223333, us-east-1");
        assertThat(EmailRenderer.subject(TestAlerts.sshOpenToWorld(), account -> "payments-prod"))
                .endsWith("in account 111122223333 (payments-prod), us-east-1");
    }

    @Test
    void subjectOfHostileAlertIsOneCappedLine() {
        String subject = EmailRenderer.subject(TestAlerts.hostile());
        assertThat(subject).startsWith("[Firewatch CRITICAL] ")
                .hasSizeLessThanOrEqualTo(EmailRenderer.MAX_SUBJECT + Text.TRUNCATED.length());
        assertThat(subject.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).isTrue();
        assertThat(subject).doesNotContain("https://");
    }

    @Test
    void htmlEscapesEventTextAndLoadsNothingExternal() {
        String html = EmailRenderer.html(TestAlerts.hostile()).replace("<wbr>", "");
        assertThat(html).doesNotContain("<b>html</b>").contains("&lt;b&gt;html&lt;/b&gt;");
        assertThat(html).doesNotContain("<img", "<script", "<link", "src=", "url(", "http://");
        assertThat(html.split("href=", -1)).hasSize(2);
        assertThat(html).contains("href=\"https://us-east-1.console.aws.amazon.com/");
        assertThat(html).contains(Text.TRUNCATED);
        assertThat(html.length()).isLessThan(200_000);
    }

    @Test
    void textBodyListsReasonsFactsAndTheConsoleLink() {
        String text = EmailRenderer.text(TestAlerts.sshOpenToWorld());
        assertThat(text).startsWith("CRITICAL: Admin/alice opened tcp/22 (SSH)");
        assertThat(text).contains("  - ingress from the whole internet (0.0.0.0/0, ::/0) to tcp/22 (SSH)\n")
                .contains("Source IP   203.0.113.7\n")
                .contains("    aws ec2 revoke-security-group-ingress --region us-east-1 --group-id sg-0123456789abcdef0"
                        + " --security-group-rule-ids sgr-0a1b2c3d4e5f60718 sgr-0f1e2d3c4b5a69788\n")
                .contains("AWS console: https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0")
                .contains("CloudTrail event: https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/")
                .doesNotContain("Severity", "Provider", " -\n");
    }

    @Test
    void aTestAlertSaysTestInSubjectHeaderAndFirstLine() {
        var real = TestAlerts.sshOpenToWorld();
        var test = new io.firewatch.core.alert.Alert(AlertSummary.TEST_ID_PREFIX + "1", real.change(), real.severity(), true,
                real.reasons(), false);
        assertThat(EmailRenderer.subject(test)).startsWith("[Firewatch TEST] ");
        assertThat(EmailRenderer.text(test)).startsWith("TEST ALERT (no firewall was changed): ");
        assertThat(EmailRenderer.html(test)).contains("TEST · not a real alert");
    }
}
