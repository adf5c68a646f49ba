package io.firewatch.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.delivery.ClaimStore.Outcome;
import io.firewatch.core.delivery.ClaimStoreException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Table Storage claim store against Azurite's Table service, and its settings. */
class TableClaimStoreTest {
    private static final String TABLE = "firewatchclaims";
    private static final Instant NOW = Instant.parse("2026-12-05T05:00:00Z");
    private static final Instant EXPIRES = NOW.plus(Duration.ofHours(168));

    @RegisterExtension
    static final WireMockExtension STORAGE = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private Azurite azurite;

    @BeforeEach
    void startAzurite() throws Exception {
        azurite = Azurite.start(TABLE);
    }

    @AfterEach
    void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    /** A store as one instance builds it from its settings. */
    private TableClaimStore instance() {
        return TableClaimStore.fromEnvironment(Map.of(TableClaimStore.CONNECTION, azurite.connectionString()));
    }

    @Test
    void theFirstClaimTakesTheKeyAndAPendingClaimOfAnotherInstanceIsBusy() throws Exception {
        assertThat(instance().claim("a#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES)).isEqualTo(Outcome.TAKEN);
        assertThat(instance().claim("a#teams", "two", NOW.plusSeconds(10), NOW.plusSeconds(310), EXPIRES)).isEqualTo(Outcome.BUSY);
        assertThat(instance().claim("a#email", "three", NOW, NOW.plusSeconds(300), EXPIRES)).isEqualTo(Outcome.TAKEN);

        JsonNode entity = only("a#teams");
        assertThat(entity.path("State").asText()).isEqualTo("pending");
        assertThat(entity.path("Owner").asText()).isEqualTo("one");
        assertThat(entity.path("PartitionKey").asText()).matches("[0-9a-f]{64}");
        assertThat(Instant.parse(entity.path("ExpiresAt").asText())).isEqualTo(EXPIRES);
    }

    @Test
    void ofManyInstancesClaimingAtOnceExactlyOneTakesTheKey() throws Exception {
        assertThat(race(8, i -> instance().claim("race#teams", "owner-" + i, NOW, NOW.plusSeconds(300), EXPIRES)))
                .containsOnlyOnce(Outcome.TAKEN).doesNotContain(Outcome.DONE);
    }

    @Test
    void aCompletedClaimIsDoneForEveryoneUntilItExpires() throws Exception {
        TableClaimStore one = instance();
        one.claim("b#email", "one", NOW, NOW.plusSeconds(300), EXPIRES);
        one.complete("b#email", "one", EXPIRES);

        assertThat(instance().claim("b#email", "two", NOW.plusSeconds(600), NOW.plusSeconds(900), EXPIRES)).isEqualTo(Outcome.DONE);
        assertThat(only("b#email").path("State").asText()).isEqualTo("done");
        // Table Storage keeps no TTL: a claim past its expiry counts as absent.
        assertThat(instance().claim("b#email", "late", EXPIRES.plusSeconds(1), EXPIRES.plusSeconds(301), EXPIRES.plusSeconds(3600)))
                .isEqualTo(Outcome.TAKEN);
        assertThat(only("b#email").path("Owner").asText()).isEqualTo("late");
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverOnceAndItsFormerOwnerCanNeitherCompleteNorReleaseIt() throws Exception {
        TableClaimStore crashed = instance();
        crashed.claim("c#teams", "crashed", NOW, NOW.plusSeconds(300), EXPIRES);
        Instant later = NOW.plusSeconds(301);

        List<Outcome> outcomes = race(6, i -> instance().claim("c#teams", "heir-" + i, later, later.plusSeconds(300), EXPIRES));
        assertThat(outcomes).containsOnlyOnce(Outcome.TAKEN);
        String heir = only("c#teams").path("Owner").asText();
        assertThat(heir).startsWith("heir-");

        crashed.complete("c#teams", "crashed", EXPIRES);
        crashed.release("c#teams", "crashed");
        assertThat(only("c#teams").path("Owner").asText()).isEqualTo(heir);
        assertThat(only("c#teams").path("State").asText()).isEqualTo("pending");

        instance().complete("c#teams", heir, EXPIRES);
        assertThat(only("c#teams").path("State").asText()).isEqualTo("done");

        crashed.claim("c#email", "crashed", NOW, NOW.plusSeconds(300), EXPIRES);
        assertThat(instance().claim("c#email", "heir", later, later.plusSeconds(300), EXPIRES)).isEqualTo(Outcome.TAKEN);
        crashed.release("c#email", "crashed");
        assertThat(only("c#email").path("Owner").asText()).isEqualTo("heir");
    }

    @Test
    void aReleasedClaimCanBeTakenAgainAndOnlyItsOwnerReleasesIt() throws Exception {
        TableClaimStore one = instance();
        one.claim("d#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES);
        instance().release("d#teams", "someone-else");
        assertThat(only("d#teams").path("Owner").asText()).isEqualTo("one");

        one.release("d#teams", "one");
        assertThat(azurite.entities(TABLE)).isEmpty();
        assertThat(instance().claim("d#teams", "two", NOW.plusSeconds(1), NOW.plusSeconds(301), EXPIRES)).isEqualTo(Outcome.TAKEN);

        // A delivered claim is never given back.
        instance().complete("d#teams", "two", EXPIRES);
        instance().release("d#teams", "two");
        assertThat(only("d#teams").path("State").asText()).isEqualTo("done");
    }

    @Test
    void hostileAlertIdsBecomeValidKeysAndStayApart() throws Exception {
        List<String> ids = List.of("azure:sub:a/b\\c#d?e", "azure:sub:'quote'),RowKey='x", "azure:sub:\u0000\u0001\n\t\u007f",
                "azure:sub:%2F%23..%00", "azure:sub:\uD83D\uDD25 ünïcødé", "azure:sub:" + "x".repeat(5000));
        for (String id : ids) {
            assertThat(instance().claim(id + "#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES)).as(id).isEqualTo(Outcome.TAKEN);
            instance().complete(id + "#teams", "one", EXPIRES);
        }
        for (String id : ids) {
            assertThat(instance().claim(id + "#teams", "two", NOW, NOW.plusSeconds(300), EXPIRES)).as(id).isEqualTo(Outcome.DONE);
            assertThat(instance().claim(id + "#email", "two", NOW, NOW.plusSeconds(300), EXPIRES)).as(id).isEqualTo(Outcome.TAKEN);
        }
        assertThat(azurite.entities(TABLE)).hasSize(ids.size() * 2);
        assertThat(only("azure:sub:a/b\\c#d?e#teams").path("Key").asText()).isEqualTo("azure:sub:a/b\\c#d?e#teams");
        assertThat(only("azure:sub:" + "x".repeat(5000) + "#teams").path("Key").asText()).hasSize(1025).endsWith("…");
    }

    @Test
    void theTableUrlWithTheAccountKeyReachesTheSameTable() throws Exception {
        TableClaimStore byUrl = TableClaimStore.fromEnvironment(Map.of(TableClaimStore.TABLE_URL, azurite.endpoint() + "/" + TABLE,
                TableClaimStore.CONNECTION, "AccountName=" + Azurite.ACCOUNT + ";AccountKey=" + Azurite.KEY));
        assertThat(byUrl.claim("e#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES)).isEqualTo(Outcome.TAKEN);
        assertThat(instance().claim("e#teams", "two", NOW, NOW.plusSeconds(300), EXPIRES)).isEqualTo(Outcome.BUSY);
    }

    @Test
    void withAnAccountKeyAMissingTableIsCreatedOnTheFirstClaim() throws Exception {
        TableClaimStore store = TableClaimStore.fromEnvironment(Map.of(TableClaimStore.TABLE_URL, azurite.endpoint() + "/claimsfresh",
                TableClaimStore.CONNECTION, azurite.connectionString()));
        assertThat(store.claim("k#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES)).isEqualTo(Outcome.TAKEN);
        assertThat(azurite.entities("claimsfresh")).hasSize(1);
        assertThat(azurite.entities(TABLE)).isEmpty();
    }

    @Test
    void aWrongAccountKeyIsRefusedWithoutBeingThrottledAndTheKeyIsNeverInTheMessage() {
        String wrongKey = Base64.getEncoder().encodeToString("not the key of this account at all".getBytes());
        TableClaimStore wrong = TableClaimStore.fromEnvironment(Map.of(TableClaimStore.CONNECTION,
                "AccountName=" + Azurite.ACCOUNT + ";AccountKey=" + wrongKey + ";TableEndpoint=" + azurite.endpoint()));
        assertThatThrownBy(() -> wrong.claim("f#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES))
                .isInstanceOfSatisfying(ClaimStoreException.class, e -> assertThat(e.throttled()).isFalse())
                .hasMessageContaining("HTTP 403").hasMessageNotContaining(wrongKey);
    }

    @Test
    void sharedKeySignaturesFollowTheTableServiceScheme() {
        // Independently computed: printf 'POST\n\napplication/json\nSat, 05 Dec 2026 05:00:00 GMT\n/devstoreaccount1/devstoreaccount1/firewatchclaims'
        //   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(echo $KEY | base64 -d | xxd -p -c 256) -binary | base64
        TableAuthorization.SharedKey key = new TableAuthorization.SharedKey(Azurite.ACCOUNT, Base64.getDecoder().decode(Azurite.KEY));
        assertThat(key.signature("POST", "application/json", URI.create("http://127.0.0.1:10002/devstoreaccount1/firewatchclaims"),
                "Sat, 05 Dec 2026 05:00:00 GMT")).isEqualTo(SIGNATURE);
        assertThat(key.toString()).doesNotContain(Azurite.KEY);
    }

    private static final String SIGNATURE = "SbLVAUhH2Gn6TqEenYfB6za7o4gPMpitmAP/6Y9ci9A=";

    @Test
    void throttlingAndServerErrorsAreToldApart() {
        TableClaimStore store = new TableClaimStore(new TableService(HttpClient.newHttpClient(),
                URI.create(STORAGE.baseUrl() + "/" + TABLE), new TableAuthorization.SharedKey("acct", new byte[32]),
                Clock.systemUTC()), Clock.systemUTC());
        STORAGE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("x-ms-error-code", "ServerBusy")));
        assertThatThrownBy(() -> store.claim("g#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES))
                .isInstanceOfSatisfying(ClaimStoreException.class, e -> assertThat(e.throttled()).isTrue())
                .hasMessageContaining("HTTP 503 ServerBusy");
        STORAGE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429)));
        assertThatThrownBy(() -> store.complete("g#teams", "one", EXPIRES))
                .isInstanceOfSatisfying(ClaimStoreException.class, e -> assertThat(e.throttled()).isTrue());
        STORAGE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        assertThatThrownBy(() -> store.release("g#teams", "one"))
                .isInstanceOfSatisfying(ClaimStoreException.class, e -> assertThat(e.throttled()).isFalse())
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void theTableUrlAloneUsesABearerTokenForStorageFromTheManagedIdentityAndNeverShowsIt() throws Exception {
        STORAGE.stubFor(get(urlPathEqualTo("/msi/token")).willReturn(okJson("{\"access_token\":\"tok-5ecret\",\"expires_on\":\""
                + Instant.now().plusSeconds(3600).getEpochSecond() + "\"}")));
        STORAGE.stubFor(post(urlPathEqualTo("/" + TABLE)).willReturn(aResponse().withStatus(204).withHeader("ETag", "W/\"1\"")));
        TableClaimStore store = TableClaimStore.fromEnvironment(Map.of(TableClaimStore.TABLE_URL, STORAGE.baseUrl() + "/" + TABLE,
                ArmRuleEnricher.IDENTITY_ENDPOINT, STORAGE.baseUrl() + "/msi/token", ArmRuleEnricher.IDENTITY_HEADER, "identity-header"));

        assertThat(store.claim("h#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES)).isEqualTo(Outcome.TAKEN);
        STORAGE.verify(getRequestedFor(urlPathEqualTo("/msi/token")).withQueryParam("resource", equalTo("https://storage.azure.com/"))
                .withHeader("X-IDENTITY-HEADER", equalTo("identity-header")));
        STORAGE.verify(postRequestedFor(urlPathEqualTo("/" + TABLE)).withHeader("Authorization", equalTo("Bearer tok-5ecret"))
                .withHeader("x-ms-version", equalTo(TableService.API_VERSION))
                .withRequestBody(matchingJsonPath("$.PartitionKey", equalTo(TableClaimStore.partition("h#teams"))))
                .withRequestBody(matchingJsonPath("$.State", equalTo("pending"))));

        STORAGE.stubFor(post(urlPathEqualTo("/" + TABLE)).willReturn(aResponse().withStatus(403)
                .withHeader("x-ms-error-code", "AuthorizationPermissionMismatch")));
        assertThatThrownBy(() -> store.claim("i#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES))
                .isInstanceOfSatisfying(ClaimStoreException.class, e -> assertThat(e.throttled()).isFalse())
                .hasMessage("Table Storage insert refused: HTTP 403 AuthorizationPermissionMismatch");
    }

    @Test
    void withoutAManagedIdentityTheClaimFailsWithTheReason() {
        TableClaimStore store = TableClaimStore.fromEnvironment(Map.of(TableClaimStore.TABLE_URL, STORAGE.baseUrl() + "/" + TABLE));
        assertThatThrownBy(() -> store.claim("j#teams", "one", NOW, NOW.plusSeconds(300), EXPIRES))
                .isInstanceOf(ClaimStoreException.class).hasMessageContaining("no managed identity");
        assertThat(STORAGE.getAllServeEvents()).isEmpty();
    }

    @Test
    void warmupPrimesTheStoreWithoutARequest() {
        TestContext context = new TestContext(Warmup.NAME);
        FunctionRuntime runtime = FunctionRuntime.fromEnvironment(Map.of(ArmRuleEnricher.ENABLED, "false",
                TableClaimStore.CONNECTION, "AccountName=acct;AccountKey=" + Azurite.KEY + ";TableEndpoint=" + STORAGE.baseUrl()));

        new Warmup(() -> runtime).run(new Object(), context);

        assertThat(context.log()).contains("Firewatch warmed up");
        assertThat(STORAGE.getAllServeEvents()).isEmpty();
    }

    @Test
    void settingsNameTheStoreOrFailClearly() {
        assertThat(TableClaimStore.fromEnvironment(Map.of())).isNull();
        assertThat(TableClaimStore.fromEnvironment(Map.of(TableClaimStore.CONNECTION, "UseDevelopmentStorage=true")).table())
                .hasToString("http://127.0.0.1:10002/devstoreaccount1/firewatchclaims");
        assertThat(TableClaimStore.fromEnvironment(Map.of(TableClaimStore.CONNECTION,
                "DefaultEndpointsProtocol=https;AccountName=fwstore;AccountKey=" + Azurite.KEY + ";EndpointSuffix=core.windows.net")).table())
                .hasToString("https://fwstore.table.core.windows.net/firewatchclaims");
        assertThat(TableClaimStore.fromEnvironment(Map.of(TableClaimStore.TABLE_URL, "https://fwstore.table.core.windows.net/claims2/")).table())
                .hasToString("https://fwstore.table.core.windows.net/claims2");

        assertThatThrownBy(() -> TableClaimStore.fromEnvironment(Map.of(TableClaimStore.TABLE_URL, "fwstore/claims")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("FIREWATCH_DEDUP_TABLE_URL must be the table's URL");
        assertThatThrownBy(() -> TableClaimStore.fromEnvironment(Map.of(TableClaimStore.TABLE_URL, "https://fwstore.table.core.windows.net/bad-name")))
                .isInstanceOf(ConfigException.class);
        assertThatThrownBy(() -> TableClaimStore.fromEnvironment(Map.of(TableClaimStore.CONNECTION, "AccountName=fwstore;AccountKey=" + Azurite.KEY.substring(0, 10) + "%%")))
                .isInstanceOf(ConfigException.class).hasMessage("FIREWATCH_DEDUP_CONNECTION: AccountKey is not base64");
        assertThatThrownBy(() -> TableClaimStore.fromEnvironment(Map.of(TableClaimStore.CONNECTION, "AccountKey=" + Azurite.KEY)))
                .isInstanceOf(ConfigException.class).hasMessage("FIREWATCH_DEDUP_CONNECTION must name AccountName and AccountKey");
        assertThatThrownBy(() -> TableClaimStore.fromEnvironment(Map.of(TableClaimStore.CONNECTION, "just text")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a storage connection string");
    }

    private JsonNode only(String key) throws IOException, InterruptedException {
        String partition = TableClaimStore.partition(key);
        List<JsonNode> found = azurite.entities(TABLE).stream().filter(e -> e.path("PartitionKey").asText().equals(partition)).toList();
        assertThat(found).as(key).hasSize(1);
        return found.get(0);
    }

    private interface Attempt {
        Outcome run(int i) throws Exception;
    }

    private static List<Outcome> race(int instances, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Outcome>) () -> attempt.run(n)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
