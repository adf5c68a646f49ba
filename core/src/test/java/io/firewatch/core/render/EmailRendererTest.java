package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailRendererTest {
    @Test
    void subjectCarriesSeverityAndSummary() {
        assertThat(EmailRenderer.subject(TestAlerts.sshOpenToWorld())).isEqualTo(
                "[Firewatch CRITICAL] arn:…/alice opened tcp/22 (SSH) to the internet"
                        + " on security group sg-0123456789abcdef0 in 111122223333 us-east-1");
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
        String html = EmailRenderer.html(TestAlerts.hostile());
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
        assertThat(text).startsWith("CRITICAL: arn:…/alice opened tcp/22 (SSH)");
        assertThat(text).contains("  - ingress from the whole internet (0.0.0.0/0, ::/0) to tcp/22 (SSH)\n")
                .contains("Source IP             203.0.113.7\n")
                .contains("Open in the console: https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0");
    }
}
