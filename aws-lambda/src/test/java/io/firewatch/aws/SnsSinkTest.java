package io.firewatch.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertId;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.model.Access;
import io.firewatch.core.model.Action;
import io.firewatch.core.model.Actor;
import io.firewatch.core.model.Direction;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.model.Outcome;
import io.firewatch.core.model.PortRange;
import io.firewatch.core.model.Provider;
import io.firewatch.core.model.ResourceRef;
import io.firewatch.core.model.Rule;
import io.firewatch.core.model.Severity;
import io.firewatch.core.model.Target;
import io.firewatch.core.sink.DeliveryException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

@WireMockTest
class SnsSinkTest {
    static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:firewatch-alerts";

    static Alert alert(String groupName) {
        FirewallChange change = FirewallChange.builder(Provider.AWS)
                .account("111122223333").region("eu-west-1").time(Instant.parse("2026-11-27T09:21:37Z"))
                .operation("AuthorizeSecurityGroupIngress").action(Action.CREATE).target(Target.RULE)
                .outcome(Outcome.SUCCESS)
                .resource(new ResourceRef("sg-0a1b2c3d4e5f67890", groupName, "AWS::EC2::SecurityGroup"))
                .actor(new Actor("arn:aws:sts::111122223333:assumed-role/Admin/alice", "AssumedRole", "203.0.113.7", "aws-cli/2.15.30"))
                .rules(List.of(Rule.of(Direction.INGRESS, Access.ALLOW, "tcp", new PortRange(22, 22), List.of("0.0.0.0/0"))), true)
                .eventId("c2d4e6f8-0a1b-4c3d-8e5f-6a7b8c9d0e1f").changeKey("c2d4e6f8-0a1b-4c3d-8e5f-6a7b8c9d0e1f")
                .build();
        return new Alert(AlertId.of(change), change, Severity.CRITICAL, true,
                List.of("ingress from the whole internet (0.0.0.0/0) to tcp/22 (SSH)"), false);
    }

    static SnsSink sink(WireMockRuntimeInfo wm) {
        return new SnsSink(TOPIC, () -> SnsClient.builder()
                .endpointOverride(URI.create(wm.getHttpBaseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
    }

    @Test
    void publishesTheAlertJsonWithSubjectAndFilterableAttributes(WireMockRuntimeInfo wm) throws DeliveryException {
        wm.getWireMock().register(post(urlEqualTo("/")).withRequestBody(containing("Action=Publish"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                        .withBody(SnsRequests.publishResponse("94f20ce6-13c5-43a0-9a9e-ca52d816e90b"))));
        Alert alert = alert("web\r\nBcc: x@evil.example \u00e9t\u00e9");

        sink(wm).send(alert, Duration.ofSeconds(10));

        List<LoggedRequest> requests = wm.getWireMock().find(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(1);
        Map<String, String> form = SnsRequests.form(requests.get(0).getBodyAsString());
        assertThat(form).containsEntry("Action", "Publish").containsEntry("TopicArn", TOPIC)
                .containsEntry("Message", AlertJson.toJson(alert));
        assertThat(form.get("Subject"))
                .as("the email's headline, in the printable ASCII SNS accepts")
                .startsWith("[Firewatch CRITICAL] Admin/alice opened tcp/22 (SSH) to the internet on security group web  Bcc:")
                .hasSizeLessThan(100)
                .matches("[\\x20-\\x7e]+");
        assertThat(SnsRequests.attributes(form)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "severity", "String:critical",
                "provider", "String:aws",
                "account", "String:111122223333",
                "operation", "String:AuthorizeSecurityGroupIngress"));
        assertThat(requests.get(0).getHeader("Authorization")).contains("Credential=AKIDTEST/").contains("/eu-west-1/sns/aws4_request");
    }

    @Test
    void serverErrorsAreRetriedByTheSdkThenReportedRetryable(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post(urlEqualTo("/")).willReturn(aResponse().withStatus(500)
                .withBody(SnsRequests.errorResponse("Receiver", "InternalError", "boom"))));
        assertThatThrownBy(() -> sink(wm).send(alert("web"), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("InternalError").contains("500");
                });
        assertThat(wm.getWireMock().find(postRequestedFor(urlEqualTo("/")))).hasSizeGreaterThan(1);
    }

    @Test
    void throttlingIsRetryable(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400)
                .withBody(SnsRequests.errorResponse("Sender", "Throttling", "Rate exceeded"))));
        assertThatThrownBy(() -> sink(wm).send(alert("web"), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void authorizationErrorsAreNotRetryable(WireMockRuntimeInfo wm) {
        wm.getWireMock().register(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)
                .withBody(SnsRequests.errorResponse("Sender", "AuthorizationError", "not authorized to perform SNS:Publish"))));
        assertThatThrownBy(() -> sink(wm).send(alert("web"), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("AuthorizationError");
                });
        assertThat(wm.getWireMock().find(postRequestedFor(urlEqualTo("/")))).hasSize(1);
    }

    @Test
    void anUnreachableEndpointIsRetryable() {
        SnsSink sink = new SnsSink(TOPIC, () -> SnsClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:9"))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .httpClient(UrlConnectionHttpClient.create())
                .build());
        assertThatThrownBy(() -> sink.send(alert("web"), Duration.ofSeconds(3)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void noBudgetMeansNoCallAndARetry(WireMockRuntimeInfo wm) {
        assertThatThrownBy(() -> sink(wm).send(alert("web"), Duration.ZERO))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(wm.getWireMock().find(postRequestedFor(urlEqualTo("/")))).isEmpty();
    }

    @Test
    void theClientIsBuiltOnFirstSendNotBefore() {
        int[] built = {0};
        new SnsSink(TOPIC, () -> {
            built[0]++;
            throw new IllegalStateException("not expected");
        });
        assertThat(built[0]).isZero();
    }

    @Test
    void subjectsAreShortPrintableAscii() {
        String subject = SnsPublication.subject(alert("x".repeat(300) + "\u0000\u202e"));
        assertThat(subject).hasSize(99).endsWith("...").matches("[\\x20-\\x7e]+");
        assertThat(SnsPublication.printableAscii("a\tb\n\nc\u0007d", 99)).isEqualTo("a b c d");
    }

    @Test
    void topicRegionComesFromTheArn() {
        assertThat(SnsSink.regionOf(TOPIC)).isEqualTo("eu-west-1");
        assertThat(SnsSink.regionOf("arn:aws-us-gov:sns:us-gov-west-1:111122223333:t")).isEqualTo("us-gov-west-1");
        assertThat(SnsSink.regionOf("not-an-arn")).isNull();
    }

    @Test
    void primingRunsThePublishPathWithoutSendingOrResolvingTheFunctionsCredentials(WireMockRuntimeInfo wm) {
        SnsSink primed = new SnsSink(TOPIC, () -> SnsClient.builder()
                .overrideConfiguration(SdkPriming::install)
                .endpointOverride(URI.create(wm.getHttpBaseUrl()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(() -> {
                    throw new AssertionError("priming must not resolve the function's credentials");
                })
                .httpClient(UrlConnectionHttpClient.create())
                .build());

        primed.prime(alert("web"));

        assertThat(wm.getWireMock().getServeEvents()).isEmpty();
    }
}
