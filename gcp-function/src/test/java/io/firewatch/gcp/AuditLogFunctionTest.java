package io.firewatch.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import io.firewatch.core.Firewatch;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.DeliveryException;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.testing.RecordingSink;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The adapter's decisions without the framework: what is acknowledged, what is redelivered, what is logged. */
class AuditLogFunctionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StructuredLog log = new StructuredLog(new PrintStream(out, true, StandardCharsets.UTF_8));
    private final RecordingSink sink = new RecordingSink();
    private final AuditLogFunction function = new AuditLogFunction(new AlertPipeline(
            new Firewatch(FirewatchConfig.defaults()), new Dispatcher(List.of(sink), Severity.MEDIUM), Duration.ofSeconds(5), log));

    /** A sink that records what it is sent, or fails while told to. */

    private static String messagePublished(String rule, String messageId) {
        return Events.messagePublishedData(Events.logEntry("firewalls-insert-first.json", rule), messageId, "s").toString();
    }

    private List<JsonNode> logLines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(Events.MAPPER.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void aFirewallChangeIsDeliveredBeforeTheEventIsAcknowledged() throws Exception {
        function.accept(TestCloudEvent.of("m-1", Events.MESSAGE_PUBLISHED, messagePublished("allow-ssh-any", "m-1")));

        assertThat(sink.sent).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.change().resource().name()).isEqualTo("allow-ssh-any");
        });
        assertThat(logLines()).anySatisfy(l -> {
            assertThat(l.path("message").asText()).isEqualTo("event processed");
            assertThat(l.path("messageId").asText()).isEqualTo("m-1");
            assertThat(l.path("verdict").asText()).isEqualTo("acknowledge");
        });
    }

    @Test
    void aLastEntryOnItsOwnAlertsUnderItsOperationsIdAndTheInstanceSendsThatIdOnce() throws Exception {
        String last = Events.messagePublishedData(Events.logEntry("firewalls-insert-last.json", "fw-last"), "m-6", "s").toString();
        function.accept(TestCloudEvent.of("m-6", Events.MESSAGE_PUBLISHED, last));

        assertThat(sink.sent).singleElement().satisfies(a -> {
            assertThat(a.openToWorld()).as("its first entry, with the rule, went elsewhere").isNull();
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
        });
        String id = sink.sent.get(0).id();

        function.accept(TestCloudEvent.of("m-7", Events.MESSAGE_PUBLISHED, messagePublished("fw-last", "m-7")));
        assertThat(sink.sent).as("the first entry's alert has the same id: one alert per sink").hasSize(1);
        assertThat(sink.sent.get(0).id()).isEqualTo(id);
    }

    @Test
    void aSinkFailureThatMayPassFailsTheInvocation() {
        sink.failWith(new DeliveryException("teams: HTTP 503", true));

        assertThatThrownBy(() -> function.accept(TestCloudEvent.of("m-2", Events.MESSAGE_PUBLISHED, messagePublished("fw-2", "m-2"))))
                .isInstanceOf(EventNotAcknowledged.class).hasMessageContaining("m-2");
    }

    @Test
    void aSinkFailureThatCannotPassIsLoggedAndAcknowledged() throws Exception {
        sink.failWith(new DeliveryException("teams: HTTP 404 (webhook deleted)", false));

        function.accept(TestCloudEvent.of("m-3", Events.MESSAGE_PUBLISHED, messagePublished("fw-3", "m-3")));

        assertThat(logLines()).anySatisfy(l -> {
            assertThat(l.path("severity").asText()).isEqualTo("ERROR");
            assertThat(l.path("message").asText()).isEqualTo("alert not delivered");
            assertThat(l.path("retryable").asBoolean()).isFalse();
        });
    }

    @Test
    void anEventWithoutDataIsNotAcknowledgedAndIsLoggedByItsMessageId() throws Exception {
        assertThatThrownBy(() -> function.accept(TestCloudEvent.of("m-4", Events.MESSAGE_PUBLISHED, null)))
                .isInstanceOf(EventNotAcknowledged.class);

        assertThat(logLines()).singleElement().satisfies(l -> {
            assertThat(l.path("severity").asText()).isEqualTo("ERROR");
            assertThat(l.path("message").asText()).isEqualTo("unreadable message, not acknowledged");
            assertThat(l.path("messageId").asText()).isEqualTo("m-4");
        });
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void otherGoogleEventsAreAcknowledgedWithoutAlert() throws Exception {
        function.accept(TestCloudEvent.of("s-1", "google.cloud.storage.object.v1.finalized", "{\"bucket\":\"b\",\"name\":\"o\"}"));

        assertThat(sink.sent).isEmpty();
    }

    @Test
    void overHttpAPushRequestIsReadAndAnsweredWith200() throws Exception {
        TestResponse response = new TestResponse();
        function.service(new TestRequest("POST", Map.of("Content-Type", List.of("application/json")),
                Events.pushRequest(Events.logEntry("firewalls-insert-first.json", "fw-push"), "p-1")), response);

        assertThat(response.status).isEqualTo(200);
        assertThat(sink.sent).singleElement().satisfies(a -> assertThat(a.change().resource().name()).isEqualTo("fw-push"));
    }

    @Test
    void overHttpFailuresAnswer500ForRedeliveryAnd400ForUnreadableMessages() throws Exception {
        sink.failWith(new DeliveryException("teams: HTTP 429", true));
        TestResponse failed = new TestResponse();
        function.service(new TestRequest("POST", Map.of(), Events.pushRequest(Events.logEntry("firewalls-insert-first.json", "fw-h"), "p-2")), failed);
        assertThat(failed.status).isEqualTo(500);

        TestResponse unreadable = new TestResponse();
        function.service(new TestRequest("POST", Map.of(), "{\"message\":{\"data\":\"e30K!!\",\"messageId\":\"p-3\"},\"subscription\":\"s\"}"), unreadable);
        assertThat(unreadable.status).isEqualTo(400);

        TestResponse get = new TestResponse();
        function.service(new TestRequest("GET", Map.of(), ""), get);
        assertThat(get.status).isEqualTo(405);
    }

    @Test
    void invalidSettingsFailTheColdStartNamingTheVariableButNotItsValue() {
        Map<String, String> env = new HashMap<>();
        env.put(AuditLogFunction.DELIVERY_BUDGET, "soon-ish");
        assertThatThrownBy(() -> new AuditLogFunction(env, log))
                .isInstanceOf(ConfigException.class).hasMessageContaining(AuditLogFunction.DELIVERY_BUDGET);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("cannot start").doesNotContain("soon-ish");
    }

    @Test
    void primingJudgesEveryProvidersBuiltInEventAndDeliversNothing() {
        AlertPipeline pipeline = new AlertPipeline(new Firewatch(FirewatchConfig.defaults()),
                new Dispatcher(List.of(sink), Severity.MEDIUM), Duration.ofSeconds(5), log);

        assertThat(pipeline.prime()).isEqualTo(3);
        assertThat(sink.sent).isEmpty();
    }

    @Test
    void defaultSettingsStartWithoutSinks() throws Exception {
        new AuditLogFunction(Map.of(), log);

        assertThat(logLines()).singleElement().satisfies(l -> {
            assertThat(l.path("message").asText()).isEqualTo("firewatch ready");
            assertThat(l.path("deliveryBudgetSeconds").asInt()).isEqualTo(60);
        });
    }

    static final class TestRequest implements HttpRequest {
        private final String method;
        private final Map<String, List<String>> headers;
        private final byte[] body;

        TestRequest(String method, Map<String, List<String>> headers, String body) {
            this.method = method;
            this.headers = headers;
            this.body = body.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String getMethod() {
            return method;
        }

        @Override
        public String getUri() {
            return "http://localhost/";
        }

        @Override
        public String getPath() {
            return "/";
        }

        @Override
        public Optional<String> getQuery() {
            return Optional.empty();
        }

        @Override
        public Map<String, List<String>> getQueryParameters() {
            return Map.of();
        }

        @Override
        public Map<String, HttpPart> getParts() {
            return Map.of();
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.ofNullable(headers.getOrDefault("Content-Type", List.of()).stream().findFirst().orElse(null));
        }

        @Override
        public long getContentLength() {
            return body.length;
        }

        @Override
        public Optional<String> getCharacterEncoding() {
            return Optional.empty();
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }
    }

    static final class TestResponse implements HttpResponse {
        int status = 200;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final Map<String, List<String>> headers = new HashMap<>();

        @Override
        public void setStatusCode(int code) {
            status = code;
        }

        @Override
        public void setStatusCode(int code, String message) {
            status = code;
        }

        @Override
        public void setContentType(String contentType) {
            headers.put("Content-Type", List.of(contentType));
        }

        @Override
        public Optional<String> getContentType() {
            return Optional.ofNullable(headers.getOrDefault("Content-Type", List.of()).stream().findFirst().orElse(null));
        }

        @Override
        public void appendHeader(String header, String value) {
            headers.computeIfAbsent(header, k -> new ArrayList<>()).add(value);
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getOutputStream() {
            return body;
        }

        @Override
        public BufferedWriter getWriter() {
            return new BufferedWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        }
    }
}
