package io.firewatch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.Firewatch;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.DeliveryException;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.sink.SecretResolver;
import io.firewatch.core.testing.RecordingSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventBridgeHandlerTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:22:00Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private EventBridgeHandler handler(RecordingSink sink) {
        return new EventBridgeHandler(new Firewatch(FirewatchConfig.defaults()),
                new Dispatcher(List.of(sink), Severity.MEDIUM), CLOCK, log);
    }

    private JsonNode invoke(EventBridgeHandler handler, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input), out, new TestContext("req-1", 30_000));
        return MAPPER.readTree(out.toByteArray());
    }

    private List<JsonNode> logLines() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : logBytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(MAPPER.readTree(line));
            }
        }
        return lines;
    }

    private List<JsonNode> logLines(String type) throws IOException {
        return logLines().stream().filter(l -> type.equals(l.path("type").asText())).toList();
    }

    @Test
    void directEventIsJudgedDeliveredAndLogged() throws IOException {
        RecordingSink sink = new RecordingSink();
        JsonNode response = invoke(handler(sink), Events.bytes(Events.SSH_WORLD));

        assertThat(response.path("failed").asBoolean()).isFalse();
        assertThat(response.path("input").asText()).isEqualTo("eventbridge:7bf73129-1428-4cd3-a780-95db273d1602");
        assertThat(sink.sent).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.change().operation()).isEqualTo("AuthorizeSecurityGroupIngress");
            assertThat(a.change().account()).isEqualTo("111122223333");
            assertThat(a.change().eventId()).isEqualTo("c2d4e6f8-0a1b-4c3d-8e5f-6a7b8c9d0e1f");
        });
        // The dispatcher hands the sink what is left of the budget: the remaining time less the safety margin.
        assertThat(sink.budgets).singleElement().satisfies(b -> assertThat(b)
                .isLessThanOrEqualTo(Duration.ofMillis(30_000).minus(EventBridgeHandler.SAFETY_MARGIN))
                .isGreaterThan(Duration.ofMillis(25_000)));
        JsonNode line = logLines("alert").get(0);
        assertThat(line.path("alertId").asText()).isEqualTo(sink.sent.get(0).id());
        assertThat(line.path("severity").asText()).isEqualTo("critical");
        assertThat(line.path("requestId").asText()).isEqualTo("req-1");
        assertThat(line.path("time").asText()).isEqualTo("2026-11-27T09:22:00Z");
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).doesNotContain("203.0.113.7").doesNotContain("temp debug");
    }

    @Test
    void sqsBatchFailsExactlyTheBadMessage() throws IOException {
        RecordingSink sink = new RecordingSink();
        JsonNode response = invoke(handler(sink), Events.bytes(Events.SQS_ONE_BAD));

        assertThat(response.path("batchItemFailures")).hasSize(1);
        assertThat(response.path("batchItemFailures").get(0).path("itemIdentifier").asText()).isEqualTo(Events.BAD_MESSAGE);
        assertThat(sink.sent).extracting(a -> a.change().operation())
                .containsExactly("AuthorizeSecurityGroupIngress", "DeleteSecurityGroup");
        assertThat(logLines("input-failure")).singleElement()
                .satisfies(l -> assertThat(l.path("input").asText()).isEqualTo("sqs:" + Events.BAD_MESSAGE));
    }

    @Test
    void hostileAndMalformedMessagesFailOnlyThemselves() throws IOException {
        RecordingSink sink = new RecordingSink();
        JsonNode response = invoke(handler(sink), Events.bytes(Events.SQS_HOSTILE));

        List<String> failed = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertThat(failed).containsExactlyInAnyOrder(
                "a1000000-0000-4000-8000-000000000002",
                "a1000000-0000-4000-8000-000000000003",
                "a1000000-0000-4000-8000-000000000004",
                "a1000000-0000-4000-8000-000000000005");
        // The hostile but valid event is a critical alert; its text reaches the sink verbatim, never the log.
        assertThat(sink.sent).extracting(a -> a.change().operation())
                .containsExactly("AuthorizeSecurityGroupIngress", "DeleteSecurityGroup");
        assertThat(sink.sent.get(0).severity()).isEqualTo(Severity.CRITICAL);
        String raw = logBytes.toString(StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("\u001b").doesNotContain("\u202e").doesNotContain("jndi").doesNotContain("AAAAAAAAAA");
        // Every line is one JSON object of ours: the injected "alert" line did not become a line of its own.
        assertThat(logLines("alert")).hasSize(2);
        assertThat(logLines()).allSatisfy(l -> assertThat(l.path("type").asText())
                .isIn("alert", "input-failure", "delivery-failure"));
    }

    @Test
    void retryableDeliveryFailureOfADirectEventIsThrownForLambdaToRetry() {
        RecordingSink failing = failing(new DeliveryException("SNS could not be reached", true));
        assertThatThrownBy(() -> invoke(handler(failing), Events.bytes(Events.SSH_WORLD)))
                .isInstanceOf(DeliveryFailedException.class);
    }

    @Test
    void permanentDeliveryFailureOfADirectEventIsLoggedNotRetried() throws IOException {
        RecordingSink failing = failing(new DeliveryException("SNS refused the alert: AuthorizationError (HTTP 403)", false));
        JsonNode response = invoke(handler(failing), Events.bytes(Events.SSH_WORLD));
        assertThat(response.path("alerts").asInt()).isEqualTo(1);
        assertThat(logLines("delivery-failure")).singleElement().satisfies(l -> {
            assertThat(l.path("retryable").asBoolean()).isFalse();
            assertThat(l.path("sink").asText()).isEqualTo("recording");
        });
    }

    @Test
    void retryableDeliveryFailureFailsOnlyThatSqsMessage() throws IOException {
        RecordingSink failing = failing(new DeliveryException("throttled", true));
        JsonNode response = invoke(handler(failing), Events.bytes(Events.SQS_ONE_BAD));
        List<String> failed = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertThat(failed).containsExactlyInAnyOrder("059f36b4-87a3-44ab-83d2-661975830a7d", Events.BAD_MESSAGE,
                "8c3a0f7e-6b5d-4e4c-9a1b-2f3e4d5c6b7a");
    }

    @Test
    void unreadableDirectInputIsLoggedAndAnsweredNotThrown() throws IOException {
        RecordingSink sink = new RecordingSink();
        JsonNode response = invoke(handler(sink), "{\"detail-type\": \"AWS API Call via Cl".getBytes(StandardCharsets.UTF_8));
        assertThat(response.path("failed").asBoolean()).isTrue();
        assertThat(response.path("input").asText()).isEqualTo("invocation:req-1");
        assertThat(sink.sent).isEmpty();
        assertThat(logLines("input-failure")).singleElement()
                .satisfies(l -> assertThat(l.path("kind").asText()).isEqualTo("malformed"));
    }

    @Test
    void unknownDirectInputIsLoggedWithItsIdAndAnswered() throws IOException {
        JsonNode response = invoke(handler(new RecordingSink()),
                "{\"version\":\"0\",\"id\":\"ev-42\",\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":\"gone\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.path("failed").asBoolean()).isTrue();
        assertThat(logLines("input-failure")).singleElement()
                .satisfies(l -> assertThat(l.path("input").asText()).isEqualTo("eventbridge:ev-42"));
    }

    @Test
    void eventsThatAreNoFirewallChangeAreNeitherAlertsNorFailures() throws IOException {
        RecordingSink sink = new RecordingSink();
        JsonNode bucket = invoke(handler(sink), Events.bytes(Events.S3_BUCKET));
        JsonNode signin = invoke(handler(sink), ("{\"version\":\"0\",\"id\":\"ev-7\",\"detail-type\":\"AWS Console Sign In via CloudTrail\","
                + "\"source\":\"aws.signin\",\"account\":\"111122223333\",\"time\":\"2026-11-27T09:00:00Z\",\"region\":\"us-east-1\","
                + "\"resources\":[],\"detail\":{\"eventName\":\"ConsoleLogin\"}}").getBytes(StandardCharsets.UTF_8));
        assertThat(bucket.path("failed").asBoolean()).isFalse();
        assertThat(signin.path("failed").asBoolean()).isFalse();
        assertThat(sink.sent).isEmpty();
        assertThat(logLines()).isEmpty();
    }

    @Test
    void settingsAndSecretsAreReadOnceOnTheFirstInvocation() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        SecretResolver resolver = ref -> {
            lookups.incrementAndGet();
            return "https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b2c/triggers/manual/paths/invoke?sig=secret-path";
        };
        Map<String, String> env = Map.of(
                "FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:fw-teams-AbCdEf",
                "FIREWATCH_MIN_SEVERITY", "high");
        EventBridgeHandler handler = new EventBridgeHandler(env, resolver, CLOCK, log);
        assertThat(lookups).hasValue(0);
        invoke(handler, "{}".getBytes(StandardCharsets.UTF_8));
        invoke(handler, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(lookups).hasValue(1);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).doesNotContain("secret-path");
        // No sink is configured here (core's Settings has no Teams sink yet, no topic is set): said once, not per call.
        assertThat(logLines("notice")).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void configurationWarningsAreLoggedOnce() throws IOException {
        EventBridgeHandler handler = new EventBridgeHandler(Map.of("FIREWATCH_CONFIG",
                "{\"allow\":[{\"name\":\"gcp sandbox\",\"provider\":\"gcp\",\"resourceTag\":{\"env\":\"dev\"}}]}"),
                SecretResolver.NONE, CLOCK, log);
        invoke(handler, Events.bytes(Events.SSH_WORLD));
        invoke(handler, Events.bytes(Events.SSH_WORLD));
        assertThat(logLines("notice")).filteredOn(l -> l.toString().contains("resourceTag can never match")).hasSize(1);
    }

    @Test
    void badSettingsFailTheInvocationAndSayWhich() {
        EventBridgeHandler handler = new EventBridgeHandler(Map.of("FIREWATCH_MIN_SEVERITY", "loud"),
                SecretResolver.NONE, CLOCK, log);
        assertThatThrownBy(() -> invoke(handler, Events.bytes(Events.SSH_WORLD))).isInstanceOf(ConfigException.class);
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("\"type\":\"setup-failure\"").contains("FIREWATCH_MIN_SEVERITY");
    }

    @Test
    void unreadableSecretFailsTheInvocationWithoutItsValueAndIsRetriedNextTime() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        SecretResolver flaky = ref -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("secret " + ref + " could not be read: SdkClientException");
            }
            return "pw";
        };
        EventBridgeHandler handler = new EventBridgeHandler(
                Map.of("FIREWATCH_SMTP_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:smtp-Xy12Ab"),
                flaky, CLOCK, log);
        assertThatThrownBy(() -> invoke(handler, "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("FIREWATCH_SMTP_PASSWORD_SECRET_ARN");
        invoke(handler, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(calls).hasValue(2);
    }

    @Test
    void aFailedRecordWithoutMessageIdReturnsTheWholeBatch() {
        byte[] batch = ("{\"Records\":[{\"eventSource\":\"aws:sqs\",\"body\":\"{\\\"not\\\": \\\"an event\\\"}\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> invoke(handler(new RecordingSink()), batch)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void primingBuildsThePipelineAtInitAndRunsEveryProvidersEventWithoutDeliveringIt() {
        RecordingSink sink = new RecordingSink();
        AtomicInteger builds = new AtomicInteger();
        int primed = Priming.prime(Map.of("FIREWATCH_SNS_TOPIC_ARN", "arn:aws:sns:eu-west-1:111122223333:t"), () -> {
            builds.incrementAndGet();
            return new Pipeline(new Firewatch(FirewatchConfig.defaults()), new Dispatcher(List.of(sink), Severity.MEDIUM));
        });

        assertThat(primed).isEqualTo(3);
        assertThat(builds).hasValue(1);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void underSnapStartSecretReferencesWaitForTheFirstInvocation() {
        AtomicInteger builds = new AtomicInteger();
        int primed = Priming.prime(Map.of(Priming.INITIALIZATION_TYPE, "snap-start",
                "FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:teams"), () -> {
            builds.incrementAndGet();
            throw new AssertionError("no pipeline (and no secret fetch) before the snapshot");
        });

        assertThat(primed).isEqualTo(3);
        assertThat(builds).hasValue(0);
    }

    @Test
    void budgetIsTheRemainingTimeLessTheMargin() {
        assertThat(EventBridgeHandler.budget(new TestContext("r", 10_000))).isEqualTo(Duration.ofMillis(8_500));
        assertThat(EventBridgeHandler.budget(new TestContext("r", 1_000))).isEqualTo(Duration.ZERO);
        assertThat(EventBridgeHandler.budget(null)).isEqualTo(EventBridgeHandler.DEFAULT_BUDGET);
    }

    @Test
    void alertsAreDeliveredOnlyAtOrAboveTheMinimumSeverity() throws IOException {
        RecordingSink sink = new RecordingSink();
        EventBridgeHandler handler = new EventBridgeHandler(new Firewatch(FirewatchConfig.defaults()),
                new Dispatcher(List.of(sink), Severity.CRITICAL), CLOCK, log);
        invoke(handler, Events.bytes(Events.SQS_ONE_BAD));
        assertThat(sink.sent).extracting(Alert::severity).containsOnly(Severity.CRITICAL);
        assertThat(logLines("alert")).hasSize(2);
    }

    private static RecordingSink failing(DeliveryException failure) {
        RecordingSink sink = new RecordingSink();
        sink.failWith(failure);
        return sink;
    }
}
