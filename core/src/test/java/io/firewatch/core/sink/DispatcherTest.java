package io.firewatch.core.sink;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Severity;
import io.firewatch.core.render.TestAlerts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fan-out against real servers: WireMock stands in for Teams, GreenMail for the SMTP relay. */
@WireMockTest
class DispatcherTest {
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("soc@example.com", "soc", "secret"));

    private static final String PATH = "/workflows/abc/triggers/manual/paths/invoke";
    private static final Backoff FAST = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 3);

    private static Dispatcher dispatcher(WireMockRuntimeInfo wm, Severity min) {
        Sink teams = new TeamsWebhookSink(URI.create(wm.getHttpBaseUrl() + PATH + "?sig=topsecret"), FAST);
        Sink email = new SmtpSink(new SmtpSettings("127.0.0.1", MAIL.getSmtp().getPort(), SmtpSettings.Security.NONE,
                null, null, "firewatch@example.com", List.of("soc@example.com")), FAST);
        return new Dispatcher(List.of(teams, email), min);
    }

    @Test
    void oneSinkDownTheOtherStillDeliversAndTheFailureNamesAlertAndSink(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        Alert alert = TestAlerts.sshOpenToWorld();

        DeliveryReport report = dispatcher(wm, Severity.MEDIUM).dispatch(List.of(alert), Duration.ofSeconds(3));

        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(report.delivered()).isEqualTo(1);
        assertThat(report.ok()).isFalse();
        assertThat(report.retryable()).isTrue();
        assertThat(report.failures()).hasSize(1);
        DeliveryReport.Failure f = report.failures().get(0);
        assertThat(f.alertId()).isEqualTo(alert.id());
        assertThat(f.sink()).isEqualTo("teams");
        assertThat(f.message()).startsWith("teams: HTTP 503").doesNotContain("topsecret");
    }

    @Test
    void aHangingSinkDoesNotStarveTheOthers(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202).withFixedDelay(6_000)));

        long start = System.nanoTime();
        DeliveryReport report = dispatcher(wm, Severity.MEDIUM).dispatch(List.of(TestAlerts.sshOpenToWorld("evt-hanging")),
                Duration.ofSeconds(3));

        // The budget, plus the dispatcher's grace for a sink to notice it: never the 6 s the server hangs.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5500));
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(report.failures()).extracting(DeliveryReport.Failure::sink).containsExactly("teams");
    }

    @Test
    void anAlertIdAlreadyDeliveredIsNotSentAgainButFailedSinksAreRetried(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        Dispatcher dispatcher = dispatcher(wm, Severity.MEDIUM);
        Alert alert = TestAlerts.sshOpenToWorld("evt-dedup");

        DeliveryReport first = dispatcher.dispatch(List.of(alert), Duration.ofSeconds(3));
        assertThat(first.failures()).hasSize(1);

        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
        DeliveryReport second = dispatcher.dispatch(List.of(alert), Duration.ofSeconds(3));
        DeliveryReport third = dispatcher.dispatch(List.of(alert), Duration.ofSeconds(3));

        assertThat(second.ok()).isTrue();
        assertThat(second.delivered()).isEqualTo(1);
        assertThat(third.ok()).isTrue();
        assertThat(third.delivered()).isZero();
        assertThat(MAIL.getReceivedMessages()).as("email delivered once").hasSize(1);
        verify(3 + 1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing("evt-dedup")));
    }

    @Test
    void belowMinimumSeverityAndSuppressedAlertsAreNeverSent(WireMockRuntimeInfo wm) {
        stubFor(post(urlPathEqualTo(PATH)).willReturn(aResponse().withStatus(202)));
        Alert medium = TestAlerts.with(TestAlerts.sshOpenToWorld("evt-medium"), Severity.MEDIUM, false);
        Alert suppressed = TestAlerts.with(TestAlerts.sshOpenToWorld("evt-suppressed"), Severity.CRITICAL, true);
        Alert critical = TestAlerts.sshOpenToWorld("evt-critical");

        DeliveryReport report = dispatcher(wm, Severity.HIGH).dispatch(List.of(medium, suppressed, critical), Duration.ofSeconds(5));

        assertThat(report.ok()).isTrue();
        assertThat(report.skipped()).isEqualTo(2);
        assertThat(report.delivered()).isEqualTo(2);
        verify(1, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing("evt-critical")));
        verify(0, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing("evt-medium")));
        verify(0, postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing("evt-suppressed")));
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aSinkThatThrowsUnexpectedlyIsReportedNotPropagated() {
        Sink broken = new Sink() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void send(Alert alert, Duration budget) {
                throw new IllegalStateException("https://secret.example/?sig=abc");
            }
        };
        DeliveryReport report = new Dispatcher(List.of(broken), Severity.MEDIUM)
                .dispatch(List.of(TestAlerts.sshOpenToWorld()), Duration.ofSeconds(1));

        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.sink()).isEqualTo("broken");
            assertThat(f.retryable()).isTrue();
            assertThat(f.message()).isEqualTo("broken: unexpected IllegalStateException");
        });
    }
}
