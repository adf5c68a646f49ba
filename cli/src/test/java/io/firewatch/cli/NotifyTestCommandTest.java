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
import io.firewatch.core.testing.StandInSettings;
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
        return StandInSettings.teamsAndEmail(wm.getHttpBaseUrl() + PATH + "?sig=" + SIG, MAIL.getSmtp().getPort(),
                "soc@example.com,netops@example.com");
    }

    @Test
    void sendsTheSampleToEverySinkAndReportsEach(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));

        CliRun r = CliRun.runWithInput(new byte[0], env(wm), "notify-test");

        assertThat(r.status()).isZero();
        assertThat(r.outLines()).containsExactly("teams: ok: delivered to the Teams webhook at localhost",
                "email: ok: delivered to soc@example.com, netops@example.com through 127.0.0.1:" + MAIL.getSmtp().getPort());
        verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.type", equalTo("AdaptiveCard"))));
        MimeMessage[] mail = MAIL.getReceivedMessages();
        assertThat(mail).hasSize(2);
        assertThat(mail[0].getSubject()).startsWith("[Firewatch TEST] ").contains("firewatch-notify-test");
        assertThat(r.err()).contains("sending TEST alert test:");
    }

    @Test
    void aFailingSinkIsReportedWithoutItsSecretAndExitsOne(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(404).withBody("{\"error\":\"flow not found\"}")));

        CliRun r = CliRun.runWithInput(new byte[0], env(wm), "notify-test");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                "teams: failed: HTTP 404 from http://localhost:" + wm.getHttpPort() + "/…(redacted): {\"error\":\"flow not found\"} (permanent)",
                "email: ok: delivered to soc@example.com, netops@example.com through 127.0.0.1:" + MAIL.getSmtp().getPort());
        assertThat(r.out() + r.err()).doesNotContain(SIG);
    }

    @Test
    void aClosedPortFailsAtOnceWithTheReason() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> env = StandInSettings.teamsAndEmail("http://127.0.0.1:" + closed + PATH + "?sig=" + SIG, closed,
                "soc@example.com");

        CliRun r = CliRun.runWithInput(new byte[0], env, "notify-test");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(
                "teams: failed: cannot reach http://127.0.0.1:" + closed + "/…(redacted): connection refused (nothing listens on that port)",
                "email: failed: cannot reach 127.0.0.1:" + closed + ": connection refused (nothing listens on that port)");
        assertThat(r.out()).doesNotContain("attempts", SIG);
    }

    @Test
    void snsAloneIsEnough(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult><MessageId>"
                        + "94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult><ResponseMetadata><RequestId>"
                        + "f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata></PublishResponse>")));
        String topic = "arn:aws:sns:eu-west-1:111122223333:firewatch-alerts";
        Map<String, String> saved = new HashMap<>();
        for (String key : new String[] {"aws.endpointUrlSns", "aws.accessKeyId", "aws.secretAccessKey"}) {
            saved.put(key, System.getProperty(key));
        }
        System.setProperty("aws.endpointUrlSns", wm.getHttpBaseUrl());
        System.setProperty("aws.accessKeyId", "AKIDNOTIFYTEST");
        System.setProperty("aws.secretAccessKey", "notify-test-secret");
        try {
            CliRun r = CliRun.runWithInput(new byte[0], Map.of("FIREWATCH_SNS_TOPIC_ARN", topic), "notify-test");
            assertThat(r.status()).as(r.err() + r.out()).isZero();
            assertThat(r.outLines()).containsExactly("sns: ok: delivered to the SNS topic " + topic);
            verify(1, postRequestedFor(urlPathEqualTo("/"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Subject=%5BFirewatch+TEST%5D")));
        } finally {
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
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
