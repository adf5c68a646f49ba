package io.firewatch.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How one ARM read behaves: the token exchange, retries, Retry-After, 404, timeouts and Updating re-reads. */
@WireMockTest
class ArmClientTest {
    static final String RULE = "/subscriptions/6f1c2a9e-4b7d-4e21-9a3c-5d8e7f0a1b2c/resourceGroups/rg-prod-web/providers/"
            + "Microsoft.Network/networkSecurityGroups/nsg-web-01/securityRules/AllowSSHAnywhere";
    static final EnrichmentLimits FAST = new EnrichmentLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
            Duration.ofMillis(50), 2, Duration.ofMillis(50));

    private ArmClient arm;

    @BeforeEach
    void setUp(WireMockRuntimeInfo wm) {
        arm = client(wm, FAST, wm.getHttpBaseUrl() + "/msi/token");
        stubFor(get(urlPathEqualTo("/msi/token")).withHeader("X-IDENTITY-HEADER", equalTo("header-value"))
                .willReturn(okJson(token(3600))));
    }

    static ArmClient client(WireMockRuntimeInfo wm, EnrichmentLimits limits, String identityEndpoint) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        ManagedIdentityTokens tokens = new ManagedIdentityTokens(http, identityEndpoint, "header-value",
                wm.getHttpBaseUrl() + "/", Clock.systemUTC());
        return new ArmClient(http, wm.getHttpBaseUrl(), tokens, limits);
    }

    static String token(long lifetimeSeconds) {
        return "{\"access_token\":\"eyJ0eXAi.test.token\",\"expires_on\":\"" + (System.currentTimeMillis() / 1000 + lifetimeSeconds)
                + "\",\"resource\":\"https://management.azure.com/\",\"token_type\":\"Bearer\"}";
    }

    @Test
    void readsTheResourceWithTheIdentityTokenAndThePinnedApiVersion() {
        stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))));

        ArmReadResult first = arm.read(RULE, "2024-05-01");
        ArmReadResult second = arm.read(RULE, "2024-05-01");

        assertThat(first).isInstanceOfSatisfying(ArmReadResult.Found.class,
                f -> assertThat(f.resource().path("properties").path("destinationPortRange").asText()).isEqualTo("22"));
        assertThat(second).isInstanceOf(ArmReadResult.Found.class);
        verify(2, getRequestedFor(urlPathEqualTo(RULE)).withQueryParam("api-version", equalTo("2024-05-01"))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAi.test.token")));
        verify(1, getRequestedFor(urlPathEqualTo("/msi/token")).withQueryParam("api-version", equalTo("2019-08-01")));
    }

    @Test
    void honoursRetryAfterOnThrottlingThenSucceeds() {
        stubFor(get(urlPathEqualTo(RULE)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("second"));
        stubFor(get(urlPathEqualTo(RULE)).inScenario("throttled").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        stubFor(get(urlPathEqualTo(RULE)).inScenario("throttled").whenScenarioStateIs("third")
                .willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))));

        long start = System.nanoTime();
        ArmReadResult result = arm.read(RULE, "2024-05-01");

        assertThat(result).isInstanceOf(ArmReadResult.Found.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        verify(3, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        stubFor(get(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(500)));

        assertThat(arm.read(RULE, "2024-05-01")).isEqualTo(new ArmReadResult.Failed("Azure Resource Manager answered HTTP 500"));
        verify(3, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void doesNotRetryAForbiddenRead() {
        stubFor(get(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(403)));

        assertThat(arm.read(RULE, "2024-05-01")).isEqualTo(new ArmReadResult.Failed(
                "Azure Resource Manager answered HTTP 403 (grant the function's identity read on network resources)"));
        verify(1, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void reportsADeletedResource() {
        stubFor(get(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":\"NotFound\",\"message\":\"Resource not found\"}}")));

        assertThat(arm.read(RULE, "2024-05-01")).isInstanceOf(ArmReadResult.NotFound.class);
    }

    @Test
    void readsAgainWhileTheResourceIsUpdating() {
        stubFor(get(urlPathEqualTo(RULE)).inScenario("updating").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere-updating.json"))).willSetStateTo("done"));
        stubFor(get(urlPathEqualTo(RULE)).inScenario("updating").whenScenarioStateIs("done")
                .willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))));

        ArmReadResult result = arm.read(RULE, "2024-05-01");

        assertThat(result).isInstanceOfSatisfying(ArmReadResult.Found.class, f -> assertThat(
                f.resource().path("properties").path("provisioningState").asText()).isEqualTo("Succeeded"));
        verify(2, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void usesTheLastReadWhenTheResourceStaysUpdating() {
        stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere-updating.json"))));

        assertThat(arm.read(RULE, "2024-05-01")).isInstanceOf(ArmReadResult.Found.class);
        verify(3, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void timesOutOnASlowAnswer(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson("{}").withFixedDelay(3500)));
        ArmClient impatient = client(wm, new EnrichmentLimits(Duration.ofSeconds(2), Duration.ofMillis(2500), 3,
                Duration.ofMillis(50), 2, Duration.ofMillis(50)), wm.getHttpBaseUrl() + "/msi/token");

        long start = System.nanoTime();
        ArmReadResult result = impatient.read(RULE, "2024-05-01");

        assertThat(result).isEqualTo(new ArmReadResult.Failed("Azure Resource Manager did not answer in time"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5000));
    }

    @Test
    void failsWithoutAToken(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/msi/token")).willReturn(aResponse().withStatus(500)));

        assertThat(arm.read(RULE, "2024-05-01")).isEqualTo(new ArmReadResult.Failed(
                "no managed identity token: the managed identity endpoint answered HTTP 500"));
        assertThat(client(wm, FAST, null).read(RULE, "2024-05-01")).isEqualTo(new ArmReadResult.Failed(
                "no managed identity token: no managed identity (IDENTITY_ENDPOINT/IDENTITY_HEADER not set)"));
        verify(0, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void neverLetsAResourceIdLeaveItsPath() {
        assertThat(ArmClient.encodedPath("/subscriptions/x/resourceGroups/rg/../../providers")).isEmpty();
        assertThat(ArmClient.encodedPath("https://evil.example/subscriptions/x")).isEmpty();
        assertThat(ArmClient.encodedPath("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Sql/servers/s/firewallRules/a b?x#y"))
                .contains("/subscriptions/x/resourceGroups/rg/providers/Microsoft.Sql/servers/s/firewallRules/a%20b%3Fx%23y");
    }
}
