package io.firewatch.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.delivery.ClaimStore.Outcome;
import io.firewatch.core.delivery.ClaimStoreException;
import io.firewatch.core.delivery.VersionedClaimStore;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The claim protocol on Firestore's REST API, against {@link FirestoreStandIn}. */
class FirestoreClaimStoreTest {
    private static final String PROJECT = "acme-security";
    private static final String COLLECTION = "firewatch-claims";
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant LEASE = NOW.plusSeconds(300);
    private static final Instant EXPIRES = NOW.plusSeconds(7 * 24 * 3600);

    @RegisterExtension
    static final WireMockExtension METADATA = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private FirestoreStandIn firestore;

    @BeforeEach
    void start() throws Exception {
        firestore = FirestoreStandIn.start(PROJECT, "firewatch-claims-db");
    }

    @AfterEach
    void stop() {
        firestore.close();
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put(FirestoreClaimStore.COLLECTION, COLLECTION);
        env.put(FirestoreClaimStore.DATABASE, "firewatch-claims-db");
        env.put(FirestoreClaimStore.EMULATOR_HOST, firestore.host());
        env.put("GOOGLE_CLOUD_PROJECT", PROJECT);
        return env;
    }

    private FirestoreClaimStore store() {
        return FirestoreClaimStore.fromEnvironment(env());
    }

    @Test
    void aClaimIsOneDocumentCreatedOnlyIfAbsentAndCompletedOnItsUpdateTime() throws Exception {
        FirestoreClaimStore store = store();
        assertThat(store.claim("gcp:op-1#teams", "owner-1", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
        store.complete("gcp:op-1#teams", "owner-1", EXPIRES);

        JsonNode document = firestore.documents().get(0);
        assertThat(document.path("name").asText()).isEqualTo("projects/acme-security/databases/firewatch-claims-db/documents/"
                + COLLECTION + "/" + VersionedClaimStore.hashed("gcp:op-1#teams"));
        JsonNode fields = document.path("fields");
        assertThat(fields.path("key").path("stringValue").asText()).isEqualTo("gcp:op-1#teams");
        assertThat(fields.path("state").path("stringValue").asText()).isEqualTo("done");
        assertThat(fields.path("owner").path("stringValue").asText()).isEqualTo("owner-1");
        assertThat(fields.path("expiresAt").path("timestampValue").asText()).as("the TTL field is a timestamp")
                .isEqualTo(EXPIRES.toString());
        assertThat(firestore.requests()).hasSize(2).allSatisfy(r -> assertThat(r)
                .startsWith("POST /v1/projects/acme-security/databases/firewatch-claims-db/documents:commit | Bearer owner"));
        assertThat(firestore.requests().get(0)).contains("\"currentDocument\":{\"exists\":false}");
        assertThat(firestore.requests().get(1)).as("completing needs no read: the write's updateTime was kept")
                .contains("\"currentDocument\":{\"updateTime\":\"2026-12-05T09:00:00.000002Z\"}");
    }

    @Test
    void aDeliveredKeyIsSkippedAndALiveLeaseIsBusyForEveryOtherInstance() throws Exception {
        FirestoreClaimStore first = store();
        FirestoreClaimStore second = store();
        assertThat(first.claim("k#teams", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
        assertThat(second.claim("k#teams", "b", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.BUSY);
        first.complete("k#teams", "a", EXPIRES);
        assertThat(second.claim("k#teams", "b", NOW.plusSeconds(1), LEASE, EXPIRES)).isEqualTo(Outcome.DONE);
    }

    @Test
    void aLeaseThatRanOutIsTakenOverAndTheCrashedOwnerCannotCompleteOrReleaseIt() throws Exception {
        FirestoreClaimStore crashed = store();
        FirestoreClaimStore next = store();
        assertThat(crashed.claim("k#email", "crashed", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
        assertThat(next.claim("k#email", "next", LEASE.plusSeconds(1), LEASE.plusSeconds(301), EXPIRES)).isEqualTo(Outcome.TAKEN);

        crashed.release("k#email", "crashed");
        crashed.complete("k#email", "crashed", EXPIRES);
        JsonNode fields = firestore.documents().get(0).path("fields");
        assertThat(fields.path("owner").path("stringValue").asText()).isEqualTo("next");
        assertThat(fields.path("state").path("stringValue").asText()).isEqualTo("pending");

        next.complete("k#email", "next", EXPIRES);
        assertThat(firestore.documents().get(0).path("fields").path("state").path("stringValue").asText()).isEqualTo("done");
    }

    @Test
    void aReleasedClaimIsDeletedSoTheRetryClaimsItAgain() throws Exception {
        FirestoreClaimStore store = store();
        assertThat(store.claim("k#teams", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
        store.release("k#teams", "a");
        assertThat(firestore.documents()).isEmpty();
        assertThat(firestore.requests().get(1)).contains("\"delete\":\"projects/acme-security/").contains("\"updateTime\"");
        assertThat(store.claim("k#teams", "b", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
    }

    @Test
    void aDeliveredClaimPastItsExpiryCountsAsAbsentThoughTheTtlHasNotDeletedItYet() throws Exception {
        FirestoreClaimStore store = store();
        store.claim("k#teams", "a", NOW, LEASE, NOW.plusSeconds(3600));
        store.complete("k#teams", "a", NOW.plusSeconds(3600));
        assertThat(store.claim("k#teams", "b", NOW.plusSeconds(3601), LEASE.plusSeconds(3601), EXPIRES)).isEqualTo(Outcome.TAKEN);
    }

    @Test
    void anotherInstanceWritingBetweenTheReadAndTheTakeoverWinsAndThisOneLooksAgain() throws Exception {
        store().claim("k#teams", "crashed", NOW, LEASE, EXPIRES);
        // The racer's takeover lands after our read: our updateTime precondition fails, the second look sees its lease.
        firestore.anotherInstanceWritesAfterNextRead("racer", LEASE.plusSeconds(301));
        assertThat(store().claim("k#teams", "ours", LEASE.plusSeconds(1), LEASE.plusSeconds(301), EXPIRES)).isEqualTo(Outcome.BUSY);
        assertThat(firestore.requests()).anySatisfy(r -> assertThat(r).contains("\"owner\":{\"stringValue\":\"ours\"}")
                .contains("\"updateTime\""));
        assertThat(firestore.documents().get(0).path("fields").path("owner").path("stringValue").asText()).isEqualTo("racer");
    }

    @Test
    void throttlingAndContentionAreRetryableButARefusalIsNot() {
        FirestoreClaimStore store = store();
        for (String[] transientError : new String[][] {{"429", "RESOURCE_EXHAUSTED"}, {"503", "UNAVAILABLE"}, {"409", "ABORTED"}}) {
            firestore.failNext(Integer.parseInt(transientError[0]), transientError[1]);
            assertThatThrownBy(() -> store.claim("k#teams", "a", NOW, LEASE, EXPIRES))
                    .isInstanceOfSatisfying(ClaimStoreException.class, e -> assertThat(e.throttled()).isTrue())
                    .hasMessageContaining(transientError[1]);
        }
        firestore.failNext(403, "PERMISSION_DENIED");
        assertThatThrownBy(() -> store.claim("k#teams", "a", NOW, LEASE, EXPIRES))
                .isInstanceOfSatisfying(ClaimStoreException.class, e -> assertThat(e.throttled()).isFalse())
                .hasMessage("Firestore create in firewatch-claims refused: HTTP 403 PERMISSION_DENIED");
    }

    @Test
    void aMissingDatabaseIsReportedNotMistakenForAMissingClaim() {
        Map<String, String> env = env();
        env.put(FirestoreClaimStore.DATABASE, "(default)");
        assertThatThrownBy(() -> FirestoreClaimStore.fromEnvironment(env).claim("k#teams", "a", NOW, LEASE, EXPIRES))
                .isInstanceOf(ClaimStoreException.class).hasMessageContaining("HTTP 404 NOT_FOUND");
    }

    @Test
    void aStoreThatCannotBeReachedSaysSo() {
        firestore.close();
        assertThatThrownBy(() -> store().claim("k#teams", "a", NOW, LEASE, EXPIRES))
                .isInstanceOf(ClaimStoreException.class).hasMessageStartingWith("Firestore could not be reached");
    }

    @Test
    void withoutAProjectSettingTheMetadataServerNamesTheProjectOnce() throws Exception {
        METADATA.stubFor(get(urlEqualTo("/computeMetadata/v1/project/project-id"))
                .willReturn(aResponse().withStatus(200).withBody("acme-security")));
        MetadataProject metadata = new MetadataProject(HttpClient.newHttpClient(),
                METADATA.baseUrl() + "/computeMetadata/v1/project/project-id");
        assertThat(metadata.id()).isEqualTo("acme-security");
        assertThat(metadata.id()).isEqualTo("acme-security");
        METADATA.verify(1, getRequestedFor(urlEqualTo("/computeMetadata/v1/project/project-id")));

        METADATA.stubFor(get(urlEqualTo("/bad")).willReturn(aResponse().withStatus(200).withBody("<html>\n")));
        assertThatThrownBy(() -> new MetadataProject(HttpClient.newHttpClient(), METADATA.baseUrl() + "/bad").id())
                .isInstanceOf(MetadataTokens.TokenException.class).hasMessage("the metadata server gave no project id (HTTP 200)");
    }

    @Test
    void anEmulatorWithoutAProjectSettingKeepsTheClaimsUnderAnOfflineProject() throws Exception {
        FirestoreStandIn offline = FirestoreStandIn.start(FirestoreClaimStore.EMULATOR_PROJECT, "(default)");
        try {
            Map<String, String> env = Map.of(FirestoreClaimStore.COLLECTION, COLLECTION, FirestoreClaimStore.EMULATOR_HOST, offline.host());
            assertThat(FirestoreClaimStore.fromEnvironment(env).claim("k#teams", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
            assertThat(offline.documents()).singleElement().satisfies(d -> assertThat(d.path("name").asText())
                    .startsWith("projects/demo-firewatch/databases/(default)/documents/" + COLLECTION + "/"));
        } finally {
            offline.close();
        }
    }

    @Test
    void noCollectionSettingMeansNoStoreAndMalformedSettingsAreNamed() {
        assertThat(FirestoreClaimStore.fromEnvironment(Map.of())).isNull();
        assertThat(FirestoreClaimStore.fromEnvironment(Map.of(FirestoreClaimStore.COLLECTION, " "))).isNull();
        for (Map.Entry<String, String> bad : Map.of(FirestoreClaimStore.COLLECTION, "claims/evil",
                FirestoreClaimStore.DATABASE, "Prod_DB", FirestoreClaimStore.EMULATOR_HOST, "http://localhost:8080",
                "GOOGLE_CLOUD_PROJECT", "a\nb").entrySet()) {
            Map<String, String> env = env();
            env.put(bad.getKey(), bad.getValue());
            assertThatThrownBy(() -> FirestoreClaimStore.fromEnvironment(env)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(bad.getKey()).hasMessageNotContaining(bad.getValue());
        }
    }
}
