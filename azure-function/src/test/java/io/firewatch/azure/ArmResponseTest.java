package io.firewatch.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.firewatch.core.Firewatch;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.response.AutomaticResponse;
import io.firewatch.core.response.Response;
import io.firewatch.core.response.ResponseMode;
import io.firewatch.core.response.ResponseSettings;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.testing.RecordingSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The automatic response (CONTRACT §6) through the Event Grid function: WireMock stands in for the identity endpoint
 * and Azure Resource Manager, which the enrichment reads the rule from and the responder deletes it through.
 */
@WireMockTest
class ArmResponseTest {
    private static final String RULE = FirewallEventGridTest.RULE;
    private static final String NSG = RULE.substring(0, RULE.indexOf("/securityRules/"));
    private static final String EVENT = "events/eventgrid-security-rule-write.json";
    private static final EnrichmentLimits LIMITS = new EnrichmentLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
            Duration.ofMillis(50), 2, Duration.ofMillis(50));

    private final RecordingSink sink = new RecordingSink();
    private final TestContext context = new TestContext(FirewallEventGrid.NAME);

    private FirewallEventGrid function(WireMockRuntimeInfo wm, ResponseMode mode, FirewatchConfig config) {
        Map<String, String> env = Map.of("IDENTITY_ENDPOINT", wm.getHttpBaseUrl() + "/msi/token",
                "IDENTITY_HEADER", "identity-header-value", "FIREWATCH_ARM_ENDPOINT", wm.getHttpBaseUrl());
        Firewatch firewatch = new Firewatch(config, ArmRuleEnricher.fromEnvironment(env, ArmRuleParser.CORE, LIMITS),
                new ResponseSettings(mode, Severity.CRITICAL));
        ArmResponder responder = new ArmResponder(ArmRuleEnricher.armClient(env, LIMITS));
        FunctionRuntime runtime = new FunctionRuntime(firewatch, new Dispatcher(List.of(sink), Severity.LOW),
                Duration.ofSeconds(5), new AutomaticResponse(firewatch.responsePlanner(), responder));
        return new FirewallEventGrid(() -> runtime);
    }

    private static void armHas(String nsgTags) {
        stubFor(get(urlPathEqualTo("/msi/token")).willReturn(okJson(ArmClientTest.token(3600))));
        stubFor(get(urlPathEqualTo(RULE)).willReturn(okJson(Resources.text("arm/security-rule-ssh-anywhere.json"))));
        stubFor(get(urlPathEqualTo(NSG)).willReturn(okJson("{\"id\":\"" + NSG + "\",\"name\":\"nsg-web-01\",\"location\":\"westeurope\","
                + "\"tags\":" + nsgTags + ",\"properties\":{\"securityRules\":[]}}")));
    }

    private Alert followUp() {
        return sink.sent.stream().filter(a -> a.id().endsWith(AutomaticResponse.FOLLOW_UP_SUFFIX)).findFirst().orElseThrow();
    }

    @Test
    void enforceDeletesExactlyTheAddedRule(WireMockRuntimeInfo wm) {
        armHas("{\"env\":\"prod\"}");
        stubFor(delete(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(202)));

        function(wm, ResponseMode.ENFORCE, FirewatchConfig.defaults()).run(Resources.text(EVENT), context);

        verify(1, deleteRequestedFor(urlPathEqualTo(RULE)).withQueryParam("api-version", equalTo("2024-05-01"))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAi.test.token")));
        verify(0, deleteRequestedFor(urlPathEqualTo(NSG)));
        Response outcome = followUp().response();
        assertThat(outcome.status()).isEqualTo(Response.Status.DONE);
        assertThat(outcome.action()).isEqualTo("delete-rule");
        assertThat(outcome.detail()).isEqualTo("taken back: deleted security rule AllowSSHAnywhere");
    }

    @Test
    void dryRunSaysWhatWouldBeDoneAndDeletesNothing(WireMockRuntimeInfo wm) {
        armHas("{}");

        function(wm, ResponseMode.DRY_RUN, FirewatchConfig.defaults()).run(Resources.text(EVENT), context);

        verify(0, deleteRequestedFor(urlPathEqualTo(RULE)));
        assertThat(sink.sent).singleElement().satisfies(a -> {
            assertThat(a.response().status()).isEqualTo(Response.Status.PLANNED);
            assertThat(a.response().detail()).isEqualTo("would delete security rule AllowSSHAnywhere of NSG nsg-web-01");
        });
    }

    @Test
    void aRuleAlreadyGoneIsSkipped(WireMockRuntimeInfo wm) {
        armHas("{}");
        stubFor(delete(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(204)));

        function(wm, ResponseMode.ENFORCE, FirewatchConfig.defaults()).run(Resources.text(EVENT), context);

        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
        assertThat(followUp().response().detail()).contains("already gone");
    }

    @Test
    void aRefusalIsFailedWithTheReason(WireMockRuntimeInfo wm) {
        armHas("{}");
        stubFor(delete(urlPathEqualTo(RULE)).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"The client does not have authorization\"}}")));

        function(wm, ResponseMode.ENFORCE, FirewatchConfig.defaults()).run(Resources.text(EVENT), context);

        assertThat(followUp().response().status()).isEqualTo(Response.Status.FAILED);
        assertThat(followUp().response().detail())
                .startsWith("could not take back: Azure refused: HTTP 403 The client does not have authorization");
    }

    @Test
    void anNsgTaggedOffIsNeverTouched(WireMockRuntimeInfo wm) {
        armHas("{\"firewatch-response\":\"off\"}");

        function(wm, ResponseMode.ENFORCE, FirewatchConfig.defaults()).run(Resources.text(EVENT), context);

        verify(0, deleteRequestedFor(urlPathEqualTo(RULE)));
        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
        assertThat(followUp().response().detail()).contains("tagged firewatch-response=off");
    }

    @Test
    void aSuppressedAlertIsNeverAnswered(WireMockRuntimeInfo wm) {
        armHas("{}");

        function(wm, ResponseMode.ENFORCE, FirewatchConfig.parse("{\"allow\":[{\"account\":\"" + FirewallEventGridTest.SUBSCRIPTION + "\"}]}"))
                .run(Resources.text(EVENT), context);

        verify(0, deleteRequestedFor(urlPathEqualTo(RULE)));
        assertThat(sink.sent).isEmpty();
    }
}
