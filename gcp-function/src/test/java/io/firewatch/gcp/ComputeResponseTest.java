package io.firewatch.gcp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.firewatch.core.ChangeEnricher;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The automatic response (CONTRACT §6) through the function, with the real REST client against a local endpoint. */
class ComputeResponseTest {
    private static final String RULE = "projects/acme-web-prod/global/firewalls/allow-ssh-any";
    private static final String POLICY = "locations/global/firewallPolicies/284711330418";

    private WireMockServer gcp;
    private final RecordingSink sink = new RecordingSink();
    private final StructuredLog log = new StructuredLog(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @BeforeEach
    void start() {
        gcp = new WireMockServer(options().dynamicPort());
        gcp.start();
        gcp.stubFor(get(urlEqualTo("/token")).withHeader("Metadata-Flavor", equalTo("Google"))
                .willReturn(okJson("{\"access_token\":\"ya29.test-token\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    }

    @AfterEach
    void stop() {
        gcp.stop();
    }

    private AuditLogFunction function(ResponseMode mode, String config) {
        Firewatch firewatch = new Firewatch(FirewatchConfig.parse(config), ChangeEnricher.NONE,
                new ResponseSettings(mode, Severity.CRITICAL));
        HttpClient http = HttpClient.newHttpClient();
        ComputeResponder responder = new ComputeResponder(http, gcp.baseUrl() + "/compute/v1/",
                new MetadataTokens(http, gcp.baseUrl() + "/token", Clock.systemUTC()));
        return new AuditLogFunction(new AlertPipeline(firewatch, new Dispatcher(List.of(sink), Severity.MEDIUM),
                Duration.ofSeconds(10), log, new AutomaticResponse(firewatch.responsePlanner(), responder)));
    }

    private AuditLogFunction function(ResponseMode mode) {
        return function(mode, "{}");
    }

    private static void accept(AuditLogFunction f, String logEntry) throws Exception {
        f.accept(TestCloudEvent.of("m-1", Events.MESSAGE_PUBLISHED, Events.messagePublishedData(logEntry, "m-1", "s").toString()));
    }

    private static String vpcRuleInsert() {
        return Events.logEntry("firewalls-insert-first.json", "allow-ssh-any");
    }

    private static String policyAddRule() throws IOException {
        try (InputStream in = ComputeResponseTest.class.getResourceAsStream("/events/firewall-policies-add-rule.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Alert followUp() {
        return sink.sent.stream().filter(a -> a.id().endsWith(AutomaticResponse.FOLLOW_UP_SUFFIX)).findFirst().orElseThrow();
    }

    private void rule(String json) {
        gcp.stubFor(get(urlEqualTo("/compute/v1/" + RULE)).willReturn(okJson(json)));
    }

    @Test
    void enforceDisablesTheAddedVpcRuleWithOnePatch() throws Exception {
        rule("{\"name\":\"allow-ssh-any\",\"disabled\":false,\"description\":\"temp\"}");
        gcp.stubFor(patch(urlEqualTo("/compute/v1/" + RULE))
                .willReturn(okJson("{\"kind\":\"compute#operation\",\"name\":\"operation-123\",\"status\":\"RUNNING\"}")));

        accept(function(ResponseMode.ENFORCE), vpcRuleInsert());

        gcp.verify(1, patchRequestedFor(urlEqualTo("/compute/v1/" + RULE))
                .withHeader("Authorization", equalTo("Bearer ya29.test-token"))
                .withRequestBody(equalToJson("{\"disabled\":true}")));
        Response outcome = followUp().response();
        assertThat(outcome.status()).isEqualTo(Response.Status.DONE);
        assertThat(outcome.action()).isEqualTo("disable-rule");
        assertThat(outcome.detail()).isEqualTo("taken back: disabled VPC firewall rule allow-ssh-any in project acme-web-prod (operation operation-123)");
    }

    @Test
    void enforcePatchesAFirewallPolicyRuleToDisabledKeepingTheRestOfIt() throws Exception {
        String current = "{\"kind\":\"compute#firewallPolicyRule\",\"priority\":1000,\"direction\":\"INGRESS\",\"action\":\"allow\","
                + "\"match\":{\"srcIpRanges\":[\"0.0.0.0/0\"],\"layer4Configs\":[{\"ipProtocol\":\"tcp\",\"ports\":[\"3389\"]}]},"
                + "\"ruleTupleCount\":4,\"disabled\":false}";
        gcp.stubFor(get(urlEqualTo("/compute/v1/" + POLICY + "/getRule?priority=1000")).willReturn(okJson(current)));
        gcp.stubFor(post(urlEqualTo("/compute/v1/" + POLICY + "/patchRule?priority=1000"))
                .willReturn(okJson("{\"kind\":\"compute#operation\",\"name\":\"operation-9\"}")));

        accept(function(ResponseMode.ENFORCE), policyAddRule());

        gcp.verify(1, postRequestedFor(urlEqualTo("/compute/v1/" + POLICY + "/patchRule?priority=1000"))
                .withRequestBody(equalToJson("{\"priority\":1000,\"direction\":\"INGRESS\",\"action\":\"allow\","
                        + "\"match\":{\"srcIpRanges\":[\"0.0.0.0/0\"],\"layer4Configs\":[{\"ipProtocol\":\"tcp\",\"ports\":[\"3389\"]}]},"
                        + "\"disabled\":true}")));
        assertThat(followUp().response().status()).isEqualTo(Response.Status.DONE);
    }

    @Test
    void dryRunSendsNothingToTheCloud() throws Exception {
        accept(function(ResponseMode.DRY_RUN), vpcRuleInsert());

        assertThat(gcp.getAllServeEvents()).isEmpty();
        assertThat(sink.sent).singleElement().satisfies(a -> {
            assertThat(a.response().status()).isEqualTo(Response.Status.PLANNED);
            assertThat(a.response().detail()).isEqualTo("would disable VPC firewall rule allow-ssh-any in project acme-web-prod");
        });
    }

    @Test
    void aRuleAlreadyGoneIsSkipped() throws Exception {
        gcp.stubFor(get(urlEqualTo("/compute/v1/" + RULE)).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"code\":404,\"message\":\"The resource was not found\"}}")));

        accept(function(ResponseMode.ENFORCE), vpcRuleInsert());

        gcp.verify(0, patchRequestedFor(urlPathEqualTo("/compute/v1/" + RULE)));
        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
        assertThat(followUp().response().detail()).contains("no longer exists");
    }

    @Test
    void aRefusalIsFailedWithTheReason() throws Exception {
        rule("{\"name\":\"allow-ssh-any\"}");
        gcp.stubFor(patch(urlEqualTo("/compute/v1/" + RULE)).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":{\"code\":403,\"message\":\"Required 'compute.firewalls.update' permission\"}}")));

        accept(function(ResponseMode.ENFORCE), vpcRuleInsert());

        assertThat(followUp().response().status()).isEqualTo(Response.Status.FAILED);
        assertThat(followUp().response().detail())
                .startsWith("could not take back: GCP refused: HTTP 403 Required 'compute.firewalls.update' permission");
    }

    @Test
    void aRuleThatOptsOutInItsDescriptionIsNeverTouched() throws Exception {
        rule("{\"name\":\"allow-ssh-any\",\"description\":\"bastion; firewatch-response=off\"}");

        accept(function(ResponseMode.ENFORCE), vpcRuleInsert());

        gcp.verify(0, patchRequestedFor(urlPathEqualTo("/compute/v1/" + RULE)));
        assertThat(followUp().response().status()).isEqualTo(Response.Status.SKIPPED);
    }

    @Test
    void aSuppressedAlertIsNeverAnswered() throws Exception {
        accept(function(ResponseMode.ENFORCE, "{\"allow\":[{\"account\":\"acme-web-prod\"}]}"), vpcRuleInsert());

        assertThat(gcp.getAllServeEvents()).isEmpty();
        assertThat(sink.sent).isEmpty();
    }
}
