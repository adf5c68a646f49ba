package io.firewatch.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.delivery.ClaimStore;
import io.firewatch.core.delivery.DeliveryClaims;
import io.firewatch.core.testing.StandInSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exactly once across instances: separately built functions (two instances) share one Firestore collection and deliver
 * to a Teams stand-in (WireMock) and an email stand-in (GreenMail), invoked through the function's entry points: the
 * CloudEvent one (Pub/Sub through Eventarc, Eventarc's audit-log trigger) and the HTTP one (a push subscription).
 */
class FirestoreClaimStoreFunctionTest {
    private static final String WEBHOOK = "/workflows/abc/triggers/manual/paths/invoke";
    private static final String PROJECT = "acme-security";

    @RegisterExtension
    static final WireMockExtension TEAMS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StructuredLog log = new StructuredLog(new PrintStream(out, true, StandardCharsets.UTF_8));
    private FirestoreStandIn firestore;

    @BeforeEach
    void start() throws Exception {
        firestore = FirestoreStandIn.start(PROJECT, "(default)");
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stop() {
        firestore.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = StandInSettings.teamsAndEmail(TEAMS.baseUrl() + WEBHOOK + "?sig=s3cret",
                MAIL.getSmtp().getPort(), "soc@example.com");
        env.put(FirestoreClaimStore.COLLECTION, "firewatch-claims");
        env.put(FirestoreClaimStore.EMULATOR_HOST, firestore.host());
        env.put("GOOGLE_CLOUD_PROJECT", PROJECT);
        env.put(AuditLogFunction.DELIVERY_BUDGET, "5");
        return env;
    }

    /** What a new instance builds from its settings at start. */
    private AuditLogFunction newInstance() {
        return new AuditLogFunction(env(), log);
    }

    private static TestCloudEvent pubSub(String file, String rule, String messageId) {
        return TestCloudEvent.of(messageId, Events.MESSAGE_PUBLISHED,
                Events.messagePublishedData(Events.logEntry(file, rule), messageId, "s").toString());
    }

    private static int teamsCalls() {
        return TEAMS.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK))).size();
    }

    private List<String> claimStates() {
        List<String> states = new ArrayList<>();
        for (JsonNode d : firestore.documents()) {
            JsonNode f = d.path("fields");
            states.add(f.path("key").path("stringValue").asText().replaceAll("^.*#", "") + ":" + f.path("state").path("stringValue").asText());
        }
        return states;
    }

    @Test
    void oneMessageRedeliveredToASecondInstanceReachesEachSinkOnce() throws Exception {
        newInstance().accept(pubSub("firewalls-insert-first.json", "fw-twice", "m-1"));
        newInstance().accept(pubSub("firewalls-insert-first.json", "fw-twice", "m-1"));

        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(claimStates()).containsExactlyInAnyOrder("teams:done", "email:done");
        assertThat(firestore.documents()).allSatisfy(d -> assertThat(Instant.parse(
                d.path("fields").path("expiresAt").path("timestampValue").asText())).isAfter(Instant.now().plus(Duration.ofHours(160))));
    }

    @Test
    void theFirstAndLastEntriesOfOneOperationInDifferentInstancesReachEachSinkOnce() throws Exception {
        newInstance().accept(pubSub("firewalls-insert-first.json", "fw-op", "m-2"));
        newInstance().accept(pubSub("firewalls-insert-last.json", "fw-op", "m-3"));

        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(TEAMS.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK))).get(0).getBodyAsString())
                .as("the first entry, with the rule, was delivered").contains("fw-op");
    }

    @Test
    void oneEntryByAPushSubscriptionAndByEventarcsAuditLogTriggerReachesEachSinkOnce() throws Exception {
        String entry = Events.logEntry("firewalls-insert-first.json", "fw-both");
        AuditLogFunctionTest.TestResponse pushed = new AuditLogFunctionTest.TestResponse();
        newInstance().service(new AuditLogFunctionTest.TestRequest("POST", Map.of("Content-Type", List.of("application/json")),
                Events.pushRequest(entry, "p-1")), pushed);
        newInstance().accept(TestCloudEvent.of("projects/acme-web-prod/logs/cloudaudit.googleapis.com%2Factivity-fw-both",
                "google.cloud.audit.log.v1.written", entry));

        assertThat(pushed.status).isEqualTo(200);
        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMessageRedeliveredAfterATeamsErrorReSendsOnlyToTeams() throws Exception {
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> newInstance().accept(pubSub("firewalls-insert-first.json", "fw-retry", "m-4")))
                .isInstanceOf(EventNotAcknowledged.class).hasMessageContaining("redeliver");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        int failedAttempts = teamsCalls();
        assertThat(claimStates()).as("the failed send gave its claim back").containsExactly("email:done");

        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202)));
        newInstance().accept(pubSub("firewalls-insert-first.json", "fw-retry", "m-4"));

        assertThat(teamsCalls()).isEqualTo(failedAttempts + 1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aClaimLeftByACrashedInstanceIsTakenOverOnceItsLeaseHasRunOutAndALiveOneIsLeftAlone() throws Exception {
        AuditLogFunction instance = newInstance();
        // Learn the alert id from a store of another collection, then play the crashed and the live instance.
        Map<String, String> elsewhere = env();
        elsewhere.put(FirestoreClaimStore.COLLECTION, "scratch");
        new AuditLogFunction(elsewhere, log).accept(pubSub("firewalls-insert-first.json", "fw-crash", "m-5"));
        String alertId = alertIdLogged();
        TEAMS.resetRequests();
        MAIL.purgeEmailFromAllMailboxes();

        Instant now = Instant.now();
        ClaimStore others = FirestoreClaimStore.fromEnvironment(env());
        assertThat(others.claim(alertId + "#teams", "crashed", now.minusSeconds(301), now.minusSeconds(1), now.plusSeconds(3600)))
                .isEqualTo(ClaimStore.Outcome.TAKEN);
        assertThat(others.claim(alertId + "#email", "alive", now, now.plusSeconds(300), now.plusSeconds(3600)))
                .isEqualTo(ClaimStore.Outcome.TAKEN);

        assertThatThrownBy(() -> instance.accept(pubSub("firewalls-insert-first.json", "fw-crash", "m-5")))
                .as("the email is still being sent elsewhere: Pub/Sub should come back").isInstanceOf(EventNotAcknowledged.class);

        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        Map<String, String> states = new HashMap<>();
        for (JsonNode d : firestore.documents()) {
            JsonNode f = d.path("fields");
            states.put(f.path("key").path("stringValue").asText(),
                    f.path("state").path("stringValue").asText() + "/" + f.path("owner").path("stringValue").asText());
        }
        assertThat(states).containsEntry(alertId + "#email", "pending/alive");
        assertThat(states.get(alertId + "#teams")).startsWith("done/").isNotEqualTo("done/crashed");
    }

    @Test
    void withTheStoreStoppedAlertsAreStillDeliveredAndTheLogSaysWhy() throws Exception {
        AuditLogFunction instance = newInstance();
        firestore.close();
        instance.accept(pubSub("firewalls-insert-first.json", "fw-down", "m-6"));

        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"severity\":\"ERROR\"")
                .contains("delivery claim claim failed").contains("Firestore could not be reached")
                .contains("a duplicate beats a loss").doesNotContain("s3cret");
    }

    @Test
    void theStartLogNamesTheStoreAndBadSettingsStopTheStartNamingTheSetting() throws Exception {
        newInstance();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"deliveryClaims\":\"Firestore collection firewatch-claims of database (default)\"");

        for (Map.Entry<String, String> bad : Map.of(DeliveryClaims.TTL_HOURS, "a week",
                FirestoreClaimStore.COLLECTION, "claims/../../other").entrySet()) {
            Map<String, String> env = env();
            env.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> new AuditLogFunction(env, log)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(bad.getKey());
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("cannot start").doesNotContain(bad.getValue());
        }
        assertThat(teamsCalls()).isZero();
    }

    private String alertIdLogged() throws Exception {
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode l = Events.MAPPER.readTree(line);
            if ("alert".equals(l.path("message").asText())) {
                return l.path("alertId").asText();
            }
        }
        throw new AssertionError("no alert logged: " + out);
    }
}
