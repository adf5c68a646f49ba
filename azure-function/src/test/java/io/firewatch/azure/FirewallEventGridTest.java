package io.firewatch.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.ChangeEnricher;
import io.firewatch.core.config.ConfigException;
import io.firewatch.core.model.FirewallChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Event Grid function invoked through its annotated method, on complete events of both schemas. */
class FirewallEventGridTest {
    static final String SUBSCRIPTION = "6f1c2a9e-4b7d-4e21-9a3c-5d8e7f0a1b2c";
    static final String RULE = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/rg-prod-web/providers/"
            + "Microsoft.Network/networkSecurityGroups/nsg-web-01/securityRules/AllowSSHAnywhere";

    private final List<FirewallChange> enriched = new ArrayList<>();
    private final Harness harness = new Harness(change -> {
        enriched.add(change);
        return change;
    });
    private final TestContext context = new TestContext(FirewallEventGrid.NAME);

    @Test
    void ruleDeleteIsHighWithoutALookup() {
        harness.eventGrid().run(Resources.text("events/eventgrid-security-rule-delete.json"), context);

        JsonNode alert = harness.onlyAlert();
        assertThat(alert.path("severity").asText()).isEqualTo("high");
        assertThat(alert.path("action").asText()).isEqualTo("delete");
        assertThat(alert.path("operation").asText()).isEqualTo("Microsoft.Network/networkSecurityGroups/securityRules/delete");
        assertThat(alert.path("openToWorld").isNull()).isTrue();
        assertThat(alert.path("resource").path("name").asText()).isEqualTo("DenyAllInbound");
        assertThat(alert.path("eventId").asText()).isEqualTo("e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9");
        assertThat(context.log()).contains("alert " + alert.path("id").asText() + " severity=high event=e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9");
    }

    @Test
    void refusedWriteIsLow() {
        harness.eventGrid().run(Resources.text("events/eventgrid-security-rule-write-failure.json"), context);

        JsonNode alert = harness.onlyAlert();
        assertThat(alert.path("severity").asText()).isEqualTo("low");
        assertThat(alert.path("outcome").asText()).isEqualTo("failure");
    }

    @Test
    void otherResourceWritesGiveNoAlertAndSucceed() {
        harness.eventGrid().run(Resources.text("events/eventgrid-resource-group-write.json"), context);

        assertThat(harness.sink.sent).isEmpty();
        assertThat(context.log()).contains("1 input(s), 0 alert(s)").doesNotContain("SEVERE");
    }

    @Test
    void cloudEventsSchemaIsReadLikeTheEventGridSchema() {
        harness.eventGrid().run(Resources.text("events/cloudevents-security-rule-write.json"), context);

        JsonNode alert = harness.onlyAlert();
        assertThat(alert.path("provider").asText()).isEqualTo("azure");
        assertThat(alert.path("account").asText()).isEqualTo(SUBSCRIPTION);
        assertThat(alert.path("time").asText()).startsWith("2026-03-14T11:15:02.118");
        assertThat(alert.path("eventId").asText()).isEqualTo("2b3c4d5e-6f70-4812-93a4-b5c6d7e8f901");
        assertThat(alert.path("resource").path("id").asText()).isEqualTo(RULE);
        // No enricher result here: the rule is unknown, so the alert says so rather than guessing.
        assertThat(alert.path("openToWorld").isNull()).isTrue();
        assertThat(enriched).hasSize(1);
        assertThat(enriched.get(0).rulesKnown()).isFalse();
    }

    @Test
    void brokenEventFailsTheInvocationSoEventGridRetriesAndDeadLetters() {
        assertThatThrownBy(() -> harness.eventGrid().run("{\"id\":\"3f2b6d8e\",\"eventType\":", context))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageContaining("eventgrid:invocation-" + context.getInvocationId());
        assertThat(context.log()).contains("SEVERE input eventgrid:invocation-" + context.getInvocationId()).contains("could not be judged: malformed");
        assertThat(harness.sink.sent).isEmpty();
    }

    @Test
    void unknownEventShapeFailsTheInvocationAndNamesTheEventId() {
        assertThatThrownBy(() -> harness.eventGrid().run("{\"id\":\"evt-42\",\"kind\":\"not an Azure event\"}", context))
                .isInstanceOf(InvocationFailedException.class).hasMessageContaining("eventgrid:evt-42");
        assertThat(context.log()).contains("SEVERE input eventgrid:evt-42").contains("could not be judged: unrecognized").doesNotContain("not an Azure event");
    }

    @Test
    void emptyEventFailsTheInvocation() {
        assertThatThrownBy(() -> harness.eventGrid().run("", context)).isInstanceOf(InvocationFailedException.class);
        assertThatThrownBy(() -> harness.eventGrid().run(null, context)).isInstanceOf(InvocationFailedException.class);
    }

    @Test
    void retryableDeliveryFailureFailsTheInvocationAndTheRetryDelivers() {
        harness.sink.failNext(1, true);
        String event = Resources.text("events/eventgrid-security-rule-delete.json");

        assertThatThrownBy(() -> harness.eventGrid().run(event, context)).isInstanceOf(InvocationFailedException.class)
                .hasMessageContaining("delivery failure");
        assertThat(harness.sink.sent).isEmpty();
        assertThat(context.log()).contains("not delivered to recording (will be retried): HTTP 503 from the test sink");

        harness.eventGrid().run(event, new TestContext(FirewallEventGrid.NAME));
        assertThat(harness.sink.sent).hasSize(1);
    }

    @Test
    void permanentDeliveryFailureIsLoggedNotRetried() {
        harness.sink.failNext(1, false);

        harness.eventGrid().run(Resources.text("events/eventgrid-security-rule-delete.json"), context);

        assertThat(context.log()).contains("SEVERE alert").contains("(not retryable)");
    }

    @Test
    void badSettingsFailEveryInvocationLoudly() {
        FirewallEventGrid function = new FirewallEventGrid(() -> {
            throw new ConfigException("FIREWATCH_MIN_SEVERITY: unknown severity 'urgent'");
        });

        assertThatThrownBy(() -> function.run(Resources.text("events/eventgrid-security-rule-delete.json"), context))
                .isInstanceOf(InvocationFailedException.class);
        assertThat(context.log()).contains("Firewatch settings are invalid: FIREWATCH_MIN_SEVERITY");
    }

    @Test
    void settingsComeFromTheEnvironment() {
        FunctionRuntime runtime = FunctionRuntime.fromEnvironment(java.util.Map.of("FIREWATCH_MIN_SEVERITY", "high"),
                ChangeEnricher.NONE);
        TestContext ctx = new TestContext(FirewallEventGrid.NAME);

        new FirewallEventGrid(() -> runtime).run(Resources.text("events/eventgrid-security-rule-write-failure.json"), ctx);

        assertThat(ctx.log()).contains("severity=low").contains("below the minimum severity");
        assertThatThrownBy(() -> FunctionRuntime.fromEnvironment(java.util.Map.of("FIREWATCH_MIN_SEVERITY", "urgent"), ChangeEnricher.NONE))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void callerControlledIdsCannotForgeLogLines() {
        String event = Resources.text("events/eventgrid-security-rule-delete.json")
                .replace("e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9", "e1d2c3b4\\nINFO alert forged severity=info");

        harness.eventGrid().run(event, context);

        assertThat(harness.onlyAlert().path("eventId").asText()).isEqualTo("e1d2c3b4\nINFO alert forged severity=info");
        assertThat(context.log()).contains("event=e1d2c3b4?INFO alert forged severity?info").doesNotContain("\nINFO alert forged");
    }

    @Test
    void eventIdUsedInLogsOnlyWhenItLooksLikeAnId() {
        assertThat(FirewallEventGrid.eventId("{\"id\":\"3f2b6d8e-1c4a\"}", "inv")).isEqualTo("3f2b6d8e-1c4a");
        assertThat(FirewallEventGrid.eventId("{\"id\":\"a b\\nINFO forged line\"}", "inv")).isEqualTo("invocation-inv");
        assertThat(FirewallEventGrid.eventId("[1,2]", "inv")).isEqualTo("invocation-inv");
    }
}
