package io.firewatch.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.ChangeEnricher;
import org.junit.jupiter.api.Test;

/** The Event Hub function invoked through its annotated method on an Activity Log export batch. */
class FirewallActivityLogTest {
    private final Harness harness = new Harness(ChangeEnricher.NONE);
    private final TestContext context = new TestContext(FirewallActivityLog.NAME);

    @Test
    void startAcceptAndSuccessAcrossMessagesGiveOneAlertWithTheRuleFromTheBody() {
        harness.activityLog().run(new String[] {
                Resources.text("events/activitylog-message-1.json"),
                Resources.text("events/activitylog-message-2.json")}, context);

        JsonNode alert = harness.onlyAlert();
        assertThat(alert.path("provider").asText()).isEqualTo("azure");
        assertThat(alert.path("account").asText()).isEqualTo("6f1c2a9e-4b7d-4e21-9a3c-5d8e7f0a1b2c");
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("openToWorld").asBoolean()).isTrue();
        assertThat(alert.path("eventId").asText()).isEqualTo("4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d");
        assertThat(alert.path("actor").path("principal").asText()).isEqualTo("eve@contoso.example");
        assertThat(alert.path("actor").path("sourceIp").asText()).isEqualTo("203.0.113.45");
        JsonNode rule = alert.path("rules").path(0);
        assertThat(alert.path("rules")).hasSize(1);
        assertThat(rule.path("direction").asText()).isEqualTo("ingress");
        assertThat(rule.path("access").asText()).isEqualTo("allow");
        assertThat(rule.path("protocol").asText()).isEqualTo("tcp");
        assertThat(rule.path("fromPort").asInt()).isEqualTo(3389);
        assertThat(rule.path("toPort").asInt()).isEqualTo(3389);
        assertThat(rule.path("sources").toString()).isEqualTo("[\"Internet\"]");
        assertThat(alert.path("reasons").toString()).contains("3389");
        assertThat(context.log()).contains("2 input(s), 1 alert(s)");
    }

    @Test
    void anUnreadableMessageFailsTheBatchAfterTheRestIsDelivered() {
        assertThatThrownBy(() -> harness.activityLog().run(new String[] {
                Resources.text("events/activitylog-message-1.json"),
                "{\"records\":[{\"time\":",
                Resources.text("events/activitylog-message-2.json")}, context))
                .isInstanceOf(InvocationFailedException.class)
                .hasMessageContaining("eventhub:" + context.getInvocationId() + "#1");
        assertThat(harness.sink.sent).hasSize(1);
    }

    @Test
    void anEmptyBatchDoesNothing() {
        harness.activityLog().run(new String[0], context);

        assertThat(harness.sink.sent).isEmpty();
        assertThat(context.log()).contains("0 input(s), 0 alert(s)");
    }
}
