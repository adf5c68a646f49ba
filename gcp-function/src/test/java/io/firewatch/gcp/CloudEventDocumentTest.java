package io.firewatch.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventDocumentTest {

    @Test
    void rebuildsTheStructuredFormWithExtensionsAndDataAsJson() throws Exception {
        TestCloudEvent event = new TestCloudEvent("projects/p/logs/x-1", "google.cloud.audit.log.v1.written",
                "//cloudaudit.googleapis.com/projects/p/logs/activity", "compute.googleapis.com/projects/p/global/firewalls/f",
                OffsetDateTime.parse("2026-03-14T12:30:03.514306137+01:00"), "{\"insertId\":\"abc\"}",
                Map.of("methodname", "v1.compute.firewalls.insert"));

        JsonNode doc = CloudEventDocument.of(event);

        assertThat(doc.path("specversion").asText()).isEqualTo("1.0");
        assertThat(doc.path("type").asText()).isEqualTo("google.cloud.audit.log.v1.written");
        assertThat(doc.path("source").asText()).isEqualTo("//cloudaudit.googleapis.com/projects/p/logs/activity");
        assertThat(doc.path("id").asText()).isEqualTo("projects/p/logs/x-1");
        assertThat(doc.path("subject").asText()).isEqualTo("compute.googleapis.com/projects/p/global/firewalls/f");
        assertThat(doc.path("time").asText()).isEqualTo("2026-03-14T11:30:03.514306137Z");
        assertThat(doc.path("methodname").asText()).isEqualTo("v1.compute.firewalls.insert");
        assertThat(doc.path("data").path("insertId").asText()).isEqualTo("abc");
    }

    @Test
    void anExtensionCannotOverrideAContextAttribute() throws Exception {
        TestCloudEvent event = new TestCloudEvent("1", "google.cloud.pubsub.topic.v1.messagePublished", "//s", null, null,
                "{}", Map.of("type", "forged"));

        assertThat(CloudEventDocument.of(event).path("type").asText()).isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
    }

    @Test
    void missingOrNonJsonDataIsUnreadableAndTheReasonQuotesNoContent() {
        assertThatThrownBy(() -> CloudEventDocument.of(TestCloudEvent.of("1", "t", null)))
                .isInstanceOf(CloudEventDocument.UnreadableData.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CloudEventDocument.of(TestCloudEvent.of("1", "t", "secret-looking text {")))
                .isInstanceOf(CloudEventDocument.UnreadableData.class)
                .hasMessageContaining("not JSON").hasMessageNotContaining("secret-looking");
        assertThatThrownBy(() -> CloudEventDocument.of(TestCloudEvent.of("1", "t", "[1,2]")))
                .isInstanceOf(CloudEventDocument.UnreadableData.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void binaryModeTakesTheAttributesFromTheHeadersAndTheDataFromTheBody() throws Exception {
        JsonNode doc = CloudEventDocument.ofBinary(Map.of("specversion", "1.0", "id", "42", "type", "t"),
                "application/json", "{\"message\":{}}".getBytes(StandardCharsets.UTF_8));

        assertThat(doc.path("id").asText()).isEqualTo("42");
        assertThat(doc.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(doc.path("data").path("message").isObject()).isTrue();
    }
}
