package io.firewatch.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.firewatch.core.testing.StandInSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two fresh JVMs, each the packaged function in Google's Functions Framework invoker, sharing one Firestore claim
 * collection: whichever of them a message reaches, each sink gets an alert once.
 */
class ClaimsAcrossInvokersIT {
    private static final String WEBHOOK = "/workflows/abc/triggers/manual/paths/invoke";

    @RegisterExtension
    static final WireMockExtension TEAMS = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static FirestoreStandIn firestore;
    static InvokerProcess first;
    static InvokerProcess second;

    @BeforeAll
    static void start() throws Exception {
        firestore = FirestoreStandIn.start("acme-security", "(default)");
        Map<String, String> env = StandInSettings.teamsAndEmail(TEAMS.baseUrl() + WEBHOOK, MAIL.getSmtp().getPort(),
                "soc@example.com");
        env.put(FirestoreClaimStore.COLLECTION, "firewatch-claims");
        env.put(FirestoreClaimStore.EMULATOR_HOST, firestore.host());
        env.put("GOOGLE_CLOUD_PROJECT", "acme-security");
        first = InvokerProcess.start("claims-first", env);
        second = InvokerProcess.start("claims-second", env);
    }

    @AfterAll
    static void stop() throws Exception {
        for (InvokerProcess p : new InvokerProcess[] {first, second}) {
            if (p != null) {
                p.close();
            }
        }
        if (firestore != null) {
            firestore.close();
        }
    }

    @Test
    void aMessageAndItsOperationsLastEntryThroughTwoInstancesReachEachSinkOnce() throws Exception {
        TEAMS.stubFor(post(urlPathEqualTo(WEBHOOK)).willReturn(aResponse().withStatus(202)));
        String insertFirst = Events.logEntry("firewalls-insert-first.json", "fw-two-jvms");
        String insertLast = Events.logEntry("firewalls-insert-last.json", "fw-two-jvms");

        assertThat(first.post(Map.of("Content-Type", "application/json"), Events.pushRequest(insertFirst, "7001")).statusCode())
                .isEqualTo(200);
        assertThat(second.post(Map.of("Content-Type", "application/json"), Events.pushRequest(insertFirst, "7001")).statusCode())
                .isEqualTo(200);
        assertThat(second.post(Map.of("Content-Type", "application/json"), Events.pushRequest(insertLast, "7002")).statusCode())
                .isEqualTo(200);
        assertThat(first.post(Map.of("Content-Type", "application/json"), Events.pushRequest(insertLast, "7002")).statusCode())
                .isEqualTo(200);

        assertThat(TEAMS.findAll(postRequestedFor(urlPathEqualTo(WEBHOOK)))).hasSize(1);
        assertThat(MAIL.getReceivedMessages()).hasSize(1);
        assertThat(firestore.documents()).hasSize(2).allSatisfy(d ->
                assertThat(d.path("fields").path("state").path("stringValue").asText()).isEqualTo("done"));
    }
}
