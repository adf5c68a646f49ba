package io.firewatch.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.firewatch.core.Scan;
import io.firewatch.core.alert.Alert;
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
 * Exactly once across instances: separately built function runtimes (two workers) share one Table Storage table served
 * by Azurite and deliver to a Teams stand-in (WireMock) and an email stand-in (GreenMail), invoked through the
 * functions' annotated entry points.
 */
class TableClaimStoreFunctionTest {
    private static final String WEBHOOK = "/workflows/abc/triggers/manual/paths/invoke";
    private static final String TABLE = "firewatchclaims";

    @RegisterExtension
    static final WireMockExtension TEAMS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("soc@example.com", "soc", "secret"));

    private Azurite azurite;

    @BeforeEach
    void startAzurite() throws Exception {
        azurite = Azurite.start(TABLE);
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202)));
    }

    @AfterEach
    void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = StandInSettings.teamsAndEmail(TEAMS.baseUrl() + WEBHOOK + "?sig=s3cret",
                MAIL.getSmtp().getPort(), "soc@example.com");
        env.put(ArmRuleEnricher.ENABLED, "false");
        env.put(TableClaimStore.CONNECTION, azurite.connectionString());
        return env;
    }

    /** What a new worker builds from its settings. */
    private FunctionRuntime newInstance() {
        return FunctionRuntime.fromEnvironment(env());
    }

    /** One Event Hub invocation; returns its log. */
    private static String activityLog(FunctionRuntime instance, String... resources) {
        String[] messages = new String[resources.length];
        for (int i = 0; i < resources.length; i++) {
            messages[i] = Resources.text(resources[i]);
        }
        TestContext context = new TestContext(FirewallActivityLog.NAME);
        new FirewallActivityLog(() -> instance).run(messages, context);
        return context.log();
    }

    private static int teamsCalls() {
        return TEAMS.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK))).size();
    }

    @Test
    void oneEventGridEventSeenByTwoInstancesReachesEachSinkOnce() throws Exception {
        String event = Resources.text("events/eventgrid-security-rule-write.json");
        new FirewallEventGrid(this::newInstance).run(event, new TestContext(FirewallEventGrid.NAME));
        new FirewallEventGrid(this::newInstance).run(event, new TestContext(FirewallEventGrid.NAME));

        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        List<JsonNode> claims = azurite.entities(TABLE);
        assertThat(claims).hasSize(2).allSatisfy(c -> {
            assertThat(c.path("State").asText()).isEqualTo("done");
            assertThat(c.path("Key").asText()).matches("azure:.+#(teams|email)");
            assertThat(Instant.parse(c.path("ExpiresAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(160)));
        });
    }

    @Test
    void startAcceptAndSuccessInDifferentInvocationsOfDifferentInstancesReachEachSinkOnce() throws Exception {
        String first = activityLog(newInstance(), "events/activitylog-message-1.json");
        String second = activityLog(newInstance(), "events/activitylog-message-2.json");

        // Each instance judged the change on its own (Start and Accept here, Success there) and wanted to send it.
        assertThat(first).contains("1 input(s), 1 alert(s), 2 delivery(ies)");
        assertThat(second).contains("1 input(s), 1 alert(s), 0 delivery(ies), 0 failure(s)").doesNotContain("below the minimum");
        assertThat(alertId(first)).isEqualTo(alertId(second));
        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(azurite.entities(TABLE)).hasSize(2);
    }

    @Test
    void aBatchRetriedAfterATeamsErrorReSendsOnlyToTeams() {
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(500).withHeader("Retry-After", "120")));
        assertThatThrownBy(() -> activityLog(newInstance(), "events/activitylog-message-1.json", "events/activitylog-message-2.json"))
                .isInstanceOf(InvocationFailedException.class).hasMessageContaining("delivery failure");
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(teamsCalls()).isEqualTo(1);

        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202)));
        activityLog(newInstance(), "events/activitylog-message-1.json", "events/activitylog-message-2.json");

        assertThat(teamsCalls()).isEqualTo(2);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aClaimLeftByACrashedInstanceIsTakenOverOnceItsLeaseHasRunOutAndALiveOneIsLeftAlone() throws Exception {
        FunctionRuntime instance = newInstance();
        String alertId = onlyAlertId(instance, "events/activitylog-message-1.json");
        Instant now = Instant.now();
        ClaimStore others = TableClaimStore.fromEnvironment(env());
        // The crashed instance claimed Teams and died before sending; its lease ended a second ago.
        assertThat(others.claim(alertId + "#teams", "crashed", now.minusSeconds(301), now.minusSeconds(1), now.plusSeconds(3600)))
                .isEqualTo(ClaimStore.Outcome.TAKEN);
        // Another instance is sending the email right now.
        assertThat(others.claim(alertId + "#email", "alive", now, now.plusSeconds(300), now.plusSeconds(3600)))
                .isEqualTo(ClaimStore.Outcome.TAKEN);

        assertThatThrownBy(() -> activityLog(instance, "events/activitylog-message-1.json"))
                .isInstanceOf(InvocationFailedException.class).hasMessageContaining("delivery failure");

        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
        Map<String, String> states = new HashMap<>();
        for (JsonNode c : azurite.entities(TABLE)) {
            states.put(c.path("Key").asText(), c.path("State").asText() + "/" + c.path("Owner").asText());
        }
        assertThat(states).containsEntry(alertId + "#email", "pending/alive");
        assertThat(states.get(alertId + "#teams")).startsWith("done/").isNotEqualTo("done/crashed");
    }

    @Test
    void withTheStoreStoppedAlertsAreStillDeliveredAndTheLogSaysWhy() {
        azurite.close();
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            activityLog(newInstance(), "events/activitylog-message-1.json", "events/activitylog-message-2.json");
        } finally {
            System.setErr(originalErr);
        }
        assertThat(teamsCalls()).isEqualTo(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("delivery claim claim failed")
                .contains("Table Storage firewatchclaims could not be reached").contains("a duplicate beats a loss")
                .doesNotContain(Azurite.KEY);
    }

    @Test
    void aBadTtlOrConnectionStringFailsEveryInvocationWithTheSettingNamed() {
        for (Map.Entry<String, String> bad : Map.of(DeliveryClaims.TTL_HOURS, "a week",
                TableClaimStore.CONNECTION, "AccountName=fw;AccountKey=not*base64").entrySet()) {
            Map<String, String> env = env();
            env.put(bad.getKey(), bad.getValue());
            TestContext context = new TestContext(FirewallActivityLog.NAME);
            assertThatThrownBy(() -> new FirewallActivityLog(() -> FunctionRuntime.fromEnvironment(env))
                    .run(new String[] {Resources.text("events/activitylog-message-1.json")}, context))
                    .isInstanceOf(InvocationFailedException.class).hasMessage("Firewatch settings are invalid");
            assertThat(context.log()).contains("SEVERE Firewatch settings are invalid: " + bad.getKey()).doesNotContain("not*base64");
        }
        assertThat(teamsCalls()).isZero();
    }

    private static String alertId(String log) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("INFO alert (\\S+) severity=").matcher(log);
        assertThat(m.find()).as(log).isTrue();
        return m.group(1);
    }

    private static String onlyAlertId(FunctionRuntime runtime, String resource) {
        List<Alert> alerts = new ArrayList<>();
        Scan scan = runtime.firewatch().newScan(alerts::add);
        scan.read(Resources.text(resource).getBytes(StandardCharsets.UTF_8), resource);
        scan.finish();
        assertThat(alerts).hasSize(1);
        return alerts.get(0).id();
    }
}
