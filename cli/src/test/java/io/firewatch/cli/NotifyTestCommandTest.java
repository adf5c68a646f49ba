package io.firewatch.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@WireMockTest
class NotifyTestCommandTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String PATH = "/workflows/abc/triggers/manual/paths/invoke";
    private static final String SIG = "NotifySecretSig123";

    private static Map<String, String> env(WireMockRuntimeInfo wm) {
        Map<String, String> env = new HashMap<>();
        env.put("FIREWATCH_TEAMS_WEBHOOK_URL", wm.getHttpBaseUrl() + PATH + "?sig=" + SIG);
        env.put("FIREWATCH_SMTP_HOST", "127.0.0.1");
        env.put("FIREWATCH_SMTP_PORT", Integer.toString(MAIL.getSmtp().getPort()));
        env.put("FIREWATCH_SMTP_STARTTLS", "false");
        env.put("FIREWATCH_EMAIL_FROM", "firewatch@example.com");
        env.put("FIREWATCH_EMAIL_TO", "soc@example.com,netops@example.com");
        return env;
    }

    @Test
    void sendsTheSampleToEverySinkAndReportsEach(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));

        CliRun r = CliRun.runWithInput(new byte[0], env(wm), "notify-test");

        assertThat(r.status()).isZero();
        assertThat(r.outLines()).containsExactly("teams: ok", "email: ok");
        verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.type", equalTo("AdaptiveCard"))));
        MimeMessage[] mail = MAIL.getReceivedMessages();
        assertThat(mail).hasSize(2);
        assertThat(mail[0].getSubject()).startsWith("[Firewatch CRITICAL] ").contains("firewatch-notify-test");
    }

    @Test
    void aFailingSinkIsReportedWithoutItsSecretAndExitsOne(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody("{\"error\":\"flow not found\"}")));

        CliRun r = CliRun.runWithInput(new byte[0], env(wm), "notify-test");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                "teams: failed: HTTP 404 from http://localhost:" + wm.getHttpPort() + "/…(redacted): {\"error\":\"flow not found\"} (permanent)",
                "email: ok");
        assertThat(r.out() + r.err()).doesNotContain(SIG);
    }

    @Test
    void noSinkConfiguredIsBadUsage() {
        CliRun r = CliRun.runWithInput(new byte[0], Map.of(), "notify-test");
        assertThat(r.status()).isEqualTo(64);
        assertThat(r.err()).contains("no sink is configured").contains("FIREWATCH_TEAMS_WEBHOOK_URL");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void invalidSettingsNameTheVariable(WireMockRuntimeInfo wm) {
        Map<String, String> env = env(wm);
        env.put("FIREWATCH_SMTP_PORT", "seventy");
        CliRun r = CliRun.runWithInput(new byte[0], env, "notify-test");
        assertThat(r.status()).isEqualTo(64);
        assertThat(r.err()).contains("FIREWATCH_SMTP_PORT");
        assertThat(CliRun.runWithInput(new byte[0], env(wm), "notify-test", "extra").status()).isEqualTo(64);
    }
}
