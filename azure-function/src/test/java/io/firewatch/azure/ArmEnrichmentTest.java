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

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event Grid events carry no rule: the function reads it from ARM with its managed identity. WireMock stands in for
 * the Functions identity endpoint and for Azure Resource Manager; the alerts are checked field by field.
 */
@WireMockTest
class ArmEnrichmentTest {
    private static final String RULE = FirewallEventGridTest.RULE;
    private static final EnrichmentLimits LIMITS = new EnrichmentLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
            Duration.ofMillis(50), 2, Duration.ofMillis(50));

    private final TestContext context = new TestContext(FirewallEventGrid.NAME);

    private static Map<String, String> env(WireMockRuntimeInfo wm) {
        Map<String, String> env = new HashMap<>();
        env.put("IDENTITY_ENDPOINT", wm.getHttpBaseUrl() + "/msi/token");
        env.put("IDENTITY_HEADER", "identity-header-value");
        env.put("FIREWATCH_ARM_ENDPOINT", wm.getHttpBaseUrl());
        return env;
    }

    private static JsonNode run(Map<String, String> env, EnrichmentLimits limits, String event, TestContext context) {
        Harness harness = new Harness(ArmRuleEnricher.fromEnvironment(env, ArmRuleParser.CORE, limits));
        harness.eventGrid().run(Resources.text(event), context);
        return harness.onlyAlert();
    }

    private static void identity() {
        stubFor(get(urlPathEqualTo("/msi/token")).withHeader("X-IDENTITY-HEADER", equalTo("identity-header-value"))
                .willReturn(okJson(ArmClientTest.token(3600))));
    }

    @Test
    void ruleReadFromArmMakesTheAlertCritical(WireMockRuntimeInfo wm) {
        identity();
        stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))));

        JsonNode alert = run(env(wm), LIMITS, "events/eventgrid-security-rule-write.json", context);

        assertThat(alert.path("id").asText()).isNotBlank();
        assertThat(alert.path("provider").asText()).isEqualTo("azure");
        assertThat(alert.path("account").asText()).isEqualTo(FirewallEventGridTest.SUBSCRIPTION);
        assertThat(alert.path("region").isNull()).isTrue();
        assertThat(alert.path("time").asText()).startsWith("2026-03-14T10:02:41.427");
        assertThat(alert.path("operation").asText()).isEqualTo("Microsoft.Network/networkSecurityGroups/securityRules/write");
        assertThat(alert.path("action").asText()).isEqualTo("modify");
        assertThat(alert.path("outcome").asText()).isEqualTo("success");
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("openToWorld").asBoolean()).isTrue();
        assertThat(alert.path("resource").path("id").asText()).isEqualTo(RULE);
        assertThat(alert.path("resource").path("name").asText()).isEqualTo("AllowSSHAnywhere");
        assertThat(alert.path("resource").path("type").asText()).isEqualTo("Microsoft.Network/networkSecurityGroups/securityRules");
        assertThat(alert.path("actor").path("principal").asText()).isEqualTo("mallory@contoso.example");
        assertThat(alert.path("actor").path("type").asText()).isEqualTo("User");
        assertThat(alert.path("actor").path("sourceIp").asText()).isEqualTo("198.51.100.23");
        assertThat(alert.path("rules")).hasSize(1);
        JsonNode rule = alert.path("rules").path(0);
        assertThat(rule.path("direction").asText()).isEqualTo("ingress");
        assertThat(rule.path("access").asText()).isEqualTo("allow");
        assertThat(rule.path("protocol").asText()).isEqualTo("tcp");
        assertThat(rule.path("fromPort").asInt()).isEqualTo(22);
        assertThat(rule.path("toPort").asInt()).isEqualTo(22);
        assertThat(rule.path("sources").toString()).isEqualTo("[\"*\"]");
        assertThat(alert.path("techniques").toString()).isEqualTo("[\"T1686.001\",\"T1562.007\"]");
        assertThat(alert.path("eventId").asText()).isEqualTo("9c1e5a3b-7d2f-4e8a-b6c4-1f0e9d8c7b6a");
        assertThat(alert.path("reasons").toString()).contains("whole internet").contains("22");
        assertThat(alert.path("suppressed").asBoolean()).isFalse();
        verify(1, getRequestedFor(urlPathEqualTo(RULE)).withQueryParam("api-version", equalTo("2024-05-01"))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAi.test.token")));
        assertThat(context.log()).doesNotContain("eyJ0eXAi");
    }

    @Test
    void nsgWriteIsJudgedOnAllItsRulesAndTakesTheNsgRegion(WireMockRuntimeInfo wm) {
        identity();
        String nsg = RULE.substring(0, RULE.indexOf("/securityRules/"));
        stubFor(get(urlPathEqualTo(nsg)).willReturn(okJson(Resources.text("arm/nsg-web-01.json"))));

        JsonNode alert = run(env(wm), LIMITS, "events/eventgrid-nsg-write.json", context);

        assertThat(alert.path("operation").asText()).isEqualTo("Microsoft.Network/networkSecurityGroups/write");
        assertThat(alert.path("region").asText()).isEqualTo("westeurope");
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("openToWorld").asBoolean()).isTrue();
        assertThat(alert.path("resource").path("type").asText()).isEqualTo("Microsoft.Network/networkSecurityGroups");
        // The rules the NSG holds, not the platform's default rules.
        assertThat(alert.path("rules")).hasSize(2);
        assertThat(alert.path("rules").findValuesAsText("fromPort")).containsExactly("443", "3389");
        assertThat(alert.path("reasons").toString()).contains("3389");
        verify(1, getRequestedFor(urlPathEqualTo(nsg)).withQueryParam("api-version", equalTo("2024-05-01")));
    }

    @Test
    void sqlFirewallRuleIsReadWithTheSqlApiVersion(WireMockRuntimeInfo wm) {
        identity();
        String rule = "/subscriptions/" + FirewallEventGridTest.SUBSCRIPTION
                + "/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-orders/firewallRules/AllowAll";
        stubFor(get(urlPathEqualTo(rule)).willReturn(okJson(Resources.text("arm/sql-firewall-rule-allow-all.json"))));

        JsonNode alert = run(env(wm), LIMITS, "events/eventgrid-sql-firewall-rule-write.json", context);

        assertThat(alert.path("operation").asText()).isEqualTo("Microsoft.Sql/servers/firewallRules/write");
        assertThat(alert.path("openToWorld").asBoolean()).isTrue();
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("rules").path(0).path("direction").asText()).isEqualTo("ingress");
        assertThat(alert.path("rules").path(0).path("access").asText()).isEqualTo("allow");
        verify(1, getRequestedFor(urlPathEqualTo(rule)).withQueryParam("api-version", equalTo("2021-11-01")));
    }

    @Test
    void cloudEventsAreEnrichedToo(WireMockRuntimeInfo wm) {
        identity();
        stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))));

        JsonNode alert = run(env(wm), LIMITS, "events/cloudevents-security-rule-write.json", context);

        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("openToWorld").asBoolean()).isTrue();
        assertThat(alert.path("eventId").asText()).isEqualTo("2b3c4d5e-6f70-4812-93a4-b5c6d7e8f901");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedThenTheRuleIsRead(WireMockRuntimeInfo wm) {
        identity();
        stubFor(get(urlPathEqualTo(RULE)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("throttled"));
        stubFor(get(urlPathEqualTo(RULE)).inScenario("busy").whenScenarioStateIs("throttled")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        stubFor(get(urlPathEqualTo(RULE)).inScenario("busy").whenScenarioStateIs("recovered")
                .willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))));

        JsonNode alert = run(env(wm), LIMITS, "events/eventgrid-security-rule-write.json", context);

        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("openToWorld").asBoolean()).isTrue();
        assertThat(alert.path("rules").path(0).path("fromPort").asInt()).isEqualTo(22);
        verify(3, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void ruleDeletedBeforeTheLookupLeavesExposureUnknown(WireMockRuntimeInfo wm) {
        identity();
        stubFor(get(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":\"NotFound\",\"message\":\"Resource not found.\"}}")));

        JsonNode alert = run(env(wm), LIMITS, "events/eventgrid-security-rule-write.json", context);

        assertUnknownExposure(alert, "the resource no longer exists (HTTP 404: deleted after the change)");
        verify(1, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void slowArmLeavesExposureUnknownWithinTheBudget(WireMockRuntimeInfo wm) {
        identity();
        stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))
                .withFixedDelay(3500)));
        EnrichmentLimits impatient = new EnrichmentLimits(Duration.ofSeconds(2), Duration.ofMillis(2500), 3,
                Duration.ofMillis(50), 2, Duration.ofMillis(50));

        long start = System.nanoTime();
        JsonNode alert = run(env(wm), impatient, "events/eventgrid-security-rule-write.json", context);

        assertUnknownExposure(alert, "Azure Resource Manager did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void noTokenLeavesExposureUnknown(WireMockRuntimeInfo wm) {
        stubFor(get(urlPathEqualTo("/msi/token")).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"invalid_request\"}")));

        JsonNode alert = run(env(wm), LIMITS, "events/eventgrid-security-rule-write.json", context);

        assertUnknownExposure(alert, "no managed identity token: the managed identity endpoint answered HTTP 400");
        verify(0, getRequestedFor(urlPathEqualTo(RULE)));
    }

    @Test
    void noIdentityAtAllLeavesExposureUnknown(WireMockRuntimeInfo wm) {
        Map<String, String> env = env(wm);
        env.remove("IDENTITY_ENDPOINT");
        env.remove("IDENTITY_HEADER");

        JsonNode alert = run(env, LIMITS, "events/eventgrid-security-rule-write.json", context);

        assertUnknownExposure(alert, "no managed identity token: no managed identity (IDENTITY_ENDPOINT/IDENTITY_HEADER not set)");
    }

    @Test
    void enrichmentCanBeTurnedOff(WireMockRuntimeInfo wm) {
        identity();
        Map<String, String> env = env(wm);
        env.put("FIREWATCH_ARM_ENRICHMENT", "false");

        JsonNode alert = run(env, LIMITS, "events/eventgrid-security-rule-write.json", context);

        assertUnknownExposure(alert, "enrichment is off (FIREWATCH_ARM_ENRICHMENT=false)");
        verify(0, getRequestedFor(urlPathEqualTo("/msi/token")));
    }

    @Test
    void deletesAndFailuresAreNotLookedUp(WireMockRuntimeInfo wm) {
        identity();

        run(env(wm), LIMITS, "events/eventgrid-security-rule-delete.json", context);
        run(env(wm), LIMITS, "events/eventgrid-security-rule-write-failure.json", new TestContext(FirewallEventGrid.NAME));

        verify(0, getRequestedFor(urlPathEqualTo("/msi/token")));
    }

    private static void assertUnknownExposure(JsonNode alert, String why) {
        assertThat(alert.path("openToWorld").isNull()).as("openToWorld").isTrue();
        assertThat(alert.path("rules")).isEmpty();
        assertThat(alert.path("operation").asText()).isEqualTo("Microsoft.Network/networkSecurityGroups/securityRules/write");
        assertThat(alert.path("outcome").asText()).isEqualTo("success");
        assertThat(alert.path("resource").path("id").asText()).isEqualTo(RULE);
        assertThat(alert.path("eventId").asText()).isEqualTo("9c1e5a3b-7d2f-4e8a-b6c4-1f0e9d8c7b6a");
        assertThat(alert.path("reasons").toString()).contains("rules not read from Azure Resource Manager: " + why);
        assertThat(alert.path("severity").asText()).isEqualTo("high");
    }
}
