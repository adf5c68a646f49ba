package io.firewatch.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged function in Google's Functions Framework invoker, fed every event shape a deployment sends, with
 * WireMock standing in for the Teams webhook. Subclasses start the invoker with one function signature each.
 */
abstract class EndToEndTests {
    /** The path of a Teams Workflows URL carries its signature: a secret that must never reach a log line. */
    static final String WEBHOOK = "/workflows/firewatch/triggers/manual/paths/invoke?sig=SECRET-SIGNATURE-1234";
    static WireMockServer teams;
    static GreenMail mail;
    static InvokerProcess function;

    /** Starts WireMock and then the invoker with the given signature ({@code null}: let the invoker deduce it). */
    static void start(String name, String signatureType) throws Exception {
        teams = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        teams.start();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREWATCH_TEAMS_WEBHOOK_URL", "http://127.0.0.1:" + teams.port() + WEBHOOK,
                "FIREWATCH_SMTP_HOST", "127.0.0.1",
                "FIREWATCH_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()),
                "FIREWATCH_SMTP_STARTTLS", "false",
                "FIREWATCH_EMAIL_FROM", "firewatch@example.com",
                "FIREWATCH_EMAIL_TO", "secops@example.com",
                "FIREWATCH_MIN_SEVERITY", "medium",
                AuditLogFunction.DELIVERY_BUDGET, "20"));
        if (signatureType != null) {
            env.put("FUNCTION_SIGNATURE_TYPE", signatureType);
        }
        function = InvokerProcess.start(name, env);
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        if (teams != null) {
            teams.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @BeforeEach
    void webhookAccepts() {
        teams.resetAll();
        teams.stubFor(post(urlEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202).withBody("1")));
    }

    /** The status the platform sees when the function fails an event on purpose. */
    abstract int rejectedStatus();

    @Test
    void messagePublishedInBinaryMode() throws Exception {
        String rule = rule("mp-binary");
        HttpResponse<String> r = function.post(Events.messagePublishedHeaders("9001"),
                Events.messagePublishedData(insertFirst(rule), "9001", "projects/acme-security/subscriptions/eventarc-sub").toString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertCriticalAlertLogged("9001");
        assertWebhookPosts(rule, 1);
        assertEmails(rule, 1);
    }

    @Test
    void messagePublishedInStructuredMode() throws Exception {
        String rule = rule("mp-structured");
        String data = Events.messagePublishedData(insertFirst(rule), "9002", "projects/acme-security/subscriptions/eventarc-sub").toString();
        HttpResponse<String> r = function.post(Events.structuredHeaders(),
                Events.structured(Events.messagePublishedHeaders("9002"), data));

        assertThat(r.statusCode()).isEqualTo(200);
        assertCriticalAlertLogged("9002");
        assertWebhookPosts(rule, 1);
    }

    @Test
    void auditLogWrittenInBinaryMode() throws Exception {
        String rule = rule("al-binary");
        String id = "projects/acme-web-prod/logs/cloudaudit.googleapis.com%2Factivity-" + rule + "1773487802882190";
        HttpResponse<String> r = function.post(Events.auditLogHeaders(id, rule), eventarcData(insertFirst(rule)));

        assertThat(r.statusCode()).isEqualTo(200);
        assertCriticalAlertLogged(id);
        assertWebhookPosts(rule, 1);
    }

    @Test
    void auditLogWrittenInStructuredMode() throws Exception {
        String rule = rule("al-structured");
        String id = "projects/acme-web-prod/logs/cloudaudit.googleapis.com%2Factivity-" + rule + "1773487802882190";
        HttpResponse<String> r = function.post(Events.structuredHeaders(),
                Events.structured(Events.auditLogHeaders(id, rule), eventarcData(insertFirst(rule))));

        assertThat(r.statusCode()).isEqualTo(200);
        assertCriticalAlertLogged(id);
        assertWebhookPosts(rule, 1);
    }

    @Test
    void firstGenerationBackgroundEvent() throws Exception {
        String rule = rule("background");
        HttpResponse<String> r = function.post(Map.of("Content-Type", "application/json"),
                Events.backgroundEvent(insertFirst(rule), "9801"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertCriticalAlertLogged("9801");
        assertWebhookPosts(rule, 1);
    }

    /** Each entry alerts on its own (either may be the only one to arrive); both carry the operation's alert id. */
    @Test
    void firstAndLastEntriesOfOneOperationGiveOneAlertPerSink() throws Exception {
        String rule = rule("first-last");
        String first = Events.messagePublishedData(insertFirst(rule), "9101", "s").toString();
        String last = Events.messagePublishedData(Events.logEntry("firewalls-insert-last.json", rule), "9102", "s").toString();

        assertThat(function.post(Events.messagePublishedHeaders("9101"), first).statusCode()).isEqualTo(200);
        assertThat(function.post(Events.messagePublishedHeaders("9102"), last).statusCode()).isEqualTo(200);

        assertWebhookPosts(rule, 1);
    }

    @Test
    void sameEntryThroughBothTransportsGivesOneAlert() throws Exception {
        String rule = rule("both-transports");
        String entry = insertFirst(rule);
        String id = "projects/acme-web-prod/logs/cloudaudit.googleapis.com%2Factivity-" + rule + "1773487802882190";

        assertThat(function.post(Events.messagePublishedHeaders("9201"),
                Events.messagePublishedData(entry, "9201", "s").toString()).statusCode()).isEqualTo(200);
        assertThat(function.post(Events.auditLogHeaders(id, rule), eventarcData(entry)).statusCode()).isEqualTo(200);
        // A redelivery of the same message, as Pub/Sub's at-least-once delivery may bring.
        assertThat(function.post(Events.messagePublishedHeaders("9201"),
                Events.messagePublishedData(entry, "9201", "s").toString()).statusCode()).isEqualTo(200);

        assertWebhookPosts(rule, 1);
        assertEmails(rule, 1);
    }

    /** Throttled beyond the delivery budget (Retry-After of an hour), the sink gives up at once and Pub/Sub retries. */
    @Test
    void transientSinkFailureFailsTheInvocationUntilTheSinkRecovers() throws Exception {
        String rule = rule("flaky-sink");
        teams.stubFor(post(urlEqualTo(WEBHOOK)).atPriority(1).withRequestBody(containing(rule))
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600").withBody("service unavailable")));
        String body = Events.messagePublishedData(insertFirst(rule), "9301", "s").toString();

        HttpResponse<String> failed = function.post(Events.messagePublishedHeaders("9301"), body);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(logLines("alert not delivered", "9301")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("retryable").asBoolean()).isTrue());
        assertThat(function.output()).doesNotContain("SECRET-SIGNATURE");

        webhookAccepts();
        HttpResponse<String> redelivered = function.post(Events.messagePublishedHeaders("9301"), body);
        assertThat(redelivered.statusCode()).isEqualTo(200);
        assertWebhookPosts(rule, 1);
        assertEmails(rule, 1);
    }

    @Test
    void messageWhoseLogEntryIsNotJsonIsNotAcknowledged() throws Exception {
        String truncated = insertFirst(rule("truncated")).substring(0, 200);
        HttpResponse<String> r = function.post(Events.messagePublishedHeaders("9401"),
                Events.messagePublishedData(truncated, "9401", "s").toString());

        assertThat(r.statusCode()).isEqualTo(rejectedStatus());
        assertThat(logLines("unreadable message, not acknowledged", "9401")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.path("messageId").asText()).isEqualTo("9401"));
        assertThat(teams.getAllServeEvents()).isEmpty();
    }

    @Test
    void messageWhoseDataIsNotBase64IsNotAcknowledged() throws Exception {
        String data = "{\"message\":{\"data\":\"%%% not base64 %%%\",\"messageId\":\"9402\"},\"subscription\":\"s\"}";
        HttpResponse<String> r = function.post(Events.messagePublishedHeaders("9402"), data);

        assertThat(r.statusCode()).isEqualTo(rejectedStatus());
        assertThat(logLines("unreadable message, not acknowledged", "9402")).isNotEmpty();
    }

    @Test
    void eventWhoseDataIsNotJsonIsNotAcknowledged() throws Exception {
        HttpResponse<String> r = function.post(Events.messagePublishedHeaders("9403"), "this is not json");

        assertThat(r.statusCode()).isEqualTo(rejectedStatus());
        assertThat(logLines("unreadable message, not acknowledged", "9403")).isNotEmpty();
    }

    @Test
    void auditLogOfAnotherOperationIsAcknowledgedWithoutAlert() throws Exception {
        String entry = Events.logEntry("routes-insert.json", rule("route"));
        HttpResponse<String> r = function.post(Events.messagePublishedHeaders("9501"),
                Events.messagePublishedData(entry, "9501", "s").toString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(logLines("alert", "9501")).isEmpty();
        assertThat(logLines("event processed", "9501")).singleElement()
                .satisfies(l -> assertThat(l.path("verdict").asText()).isEqualTo("acknowledge"));
        assertThat(teams.getAllServeEvents()).isEmpty();
    }

    static String rule(String test) {
        return "fw-" + test + "-" + Long.toHexString(System.nanoTime());
    }

    static String insertFirst(String rule) {
        return Events.logEntry("firewalls-insert-first.json", rule);
    }

    /** Eventarc's LogEntryData: the LogEntry as JSON, without the proto {@code @type} of the payload. */
    static String eventarcData(String logEntry) throws IOException {
        ObjectNode entry = (ObjectNode) Events.MAPPER.readTree(logEntry);
        ((ObjectNode) entry.path("protoPayload")).remove("@type");
        return entry.toString();
    }

    /** The function's log lines with this message about this event (by event id or message id). */
    static List<JsonNode> logLines(String message, String id) throws IOException {
        return function.logLines().stream()
                .filter(l -> message.equals(l.path("message").asText()))
                .filter(l -> id.equals(l.path("eventId").asText()) || id.equals(l.path("messageId").asText()))
                .toList();
    }

    static void assertCriticalAlertLogged(String id) throws IOException {
        assertThat(logLines("alert", id)).singleElement().satisfies(l -> {
            assertThat(l.path("severity").asText()).isEqualTo("INFO");
            assertThat(l.path("alertSeverity").asText()).isEqualTo("critical");
            assertThat(l.path("alertId").asText()).startsWith("gcp:acme-web-prod:");
            assertThat(l.path("forSinks").asBoolean()).isTrue();
        });
        assertThat(function.output()).doesNotContain("0.0.0.0/0");
    }

    /** Emails that name the rule (GreenMail keeps every message of the run). */
    static void assertEmails(String rule, int count) throws Exception {
        int found = 0;
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (GreenMailUtil.getWholeMessage(m).contains(rule)) {
                found++;
            }
        }
        assertThat(found).as("emails naming %s", rule).isEqualTo(count);
    }

    static void assertWebhookPosts(String rule, int count) {
        assertThat(teams.findAll(postRequestedFor(urlEqualTo(WEBHOOK)).withRequestBody(containing(rule))))
                .as("webhook posts naming %s", rule).hasSize(count);
    }
}
