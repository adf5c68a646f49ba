package io.firewatch.core.sink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.firewatch.core.render.TestAlerts;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@WireMockTest
class TeamsWebhookSinkTest {
    private static final String PATH = "/workflows/0a1b2c3d/triggers/manual/paths/invoke";
    private static final String SIG = "s3cr3tSignatureValue";
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 8);

    private static TeamsWebhookSink sink(WireMockRuntimeInfo wm) {
        return new TeamsWebhookSink(webhook(wm), FAST);
    }

    private static URI webhook(WireMockRuntimeInfo wm) {
        return URI.create(wm.getHttpBaseUrl() + PATH + "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=" + SIG);
    }

    @Test
    void postsTheAdaptiveCardInTheWorkflowsEnvelope(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));

        sink(wm).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(5));

        verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("message")))
                .withRequestBody(matchingJsonPath("$.attachments[0].contentType", equalTo("application/vnd.microsoft.card.adaptive")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.type", equalTo("AdaptiveCard")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.version", equalTo("1.5")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.body[0].items[0].text", containing("CRITICAL")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.body[0].items[1].inlines[0].text",
                        containing("opened tcp/22 (SSH) to the internet on security group web-servers (sg-0123456789abcdef0)")))
                .withRequestBody(equalTo(io.firewatch.core.render.TeamsCardRenderer.render(TestAlerts.sshOpenToWorld())))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.actions[0].type", equalTo("Action.OpenUrl")))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.actions[0].url",
                        containing("console.aws.amazon.com/ec2/home?region=us-east-1#SecurityGroup:groupId=sg-0123456789abcdef0"))));
    }

    @Test
    void waitsAsToldBy429RetryAfterThenDelivers(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(urlPathEqualTo(PATH)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        stubFor(post(urlPathEqualTo(PATH)).inScenario("throttled").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(202)));

        long start = System.nanoTime();
        sink(wm).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        verify(2, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retries5xxWithinTheBudget(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("second"));
        stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        stubFor(post(urlPathEqualTo(PATH)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202)));

        sink(wm).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(5));

        verify(3, postRequestedFor(urlPathEqualTo(PATH)));
    }

    @Test
    void a400FailsAtOnceWithTheUrlRedacted(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":\"bad card posted to " + webhook(wm) + "\"}}")));

        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> sink(wm).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(5)));

        verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("teams: HTTP 400 from http://localhost:" + wm.getHttpPort() + "/…(redacted)")
                .contains("InvalidRequestContent")
                .doesNotContain(SIG).doesNotContain(PATH).doesNotContain("sig=");
    }

    @Test
    void anExhaustedBudgetIsARetryableFailure(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));

        long start = System.nanoTime();
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> sink(wm).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(1)));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith("teams: HTTP 503").doesNotContain(SIG);
        assertThat(took).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aRetryAfterBeyondTheBudgetFailsWithoutWaiting(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        long start = System.nanoTime();
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> sink(wm).send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(5)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        verify(1, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("HTTP 429").contains("asked to wait 120.0 s");
    }

    @Test
    void aSlowServerNeverHoldsTheCallerPastTheBudget(WireMockRuntimeInfo wm) {
        // Its own path: the hanging request completes after this test and must not count in another test's journal.
        stubFor(post(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(202).withFixedDelay(5000)));
        TeamsWebhookSink slow = new TeamsWebhookSink(URI.create(wm.getHttpBaseUrl() + "/slow?sig=" + SIG), FAST);

        long start = System.nanoTime();
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> slow.send(TestAlerts.sshOpenToWorld(), Duration.ofSeconds(1)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aRefusedConnectionFailsAtOnceRetryableByThePlatformAndRedacted() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + PATH + "?sig=" + SIG);

        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> new TeamsWebhookSink(url, FAST).send(TestAlerts.sshOpenToWorld(), Duration.ofMillis(800)));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("teams: cannot reach http://127.0.0.1:" + closedPort
                + "/…(redacted): connection refused (nothing listens on that port)").doesNotContain(SIG);
        assertThat(e.getCause()).isNull();
    }

    @Test
    void aHostileCardIsStillAcceptedAsValidSmallJson(WireMockRuntimeInfo wm) throws Exception {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));

        sink(wm).send(TestAlerts.hostile(), Duration.ofSeconds(5));

        verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.attachments[0].content.version", equalTo("1.5"))));
        byte[] body = com.github.tomakehurst.wiremock.client.WireMock.findAll(postRequestedFor(urlPathEqualTo(PATH))).get(0).getBody();
        assertThat(body.length).isLessThanOrEqualTo(28 * 1024);
    }
}
