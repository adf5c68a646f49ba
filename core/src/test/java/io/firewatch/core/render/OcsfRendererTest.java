package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.model.Severity;
import org.junit.jupiter.api.Test;

class OcsfRendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void isADetectionFinding() throws Exception {
        String line = OcsfRenderer.render(TestAlerts.sshOpenToWorld());
        assertThat(line).doesNotContain("\n");
        JsonNode f = JSON.readTree(line);
        assertThat(f.at("/class_uid").asInt()).isEqualTo(2004);
        assertThat(f.at("/category_uid").asInt()).isEqualTo(2);
        assertThat(f.at("/type_uid").asInt()).isEqualTo(200401);
        assertThat(f.at("/severity_id").asInt()).isEqualTo(5);
        assertThat(f.at("/time").asLong()).isEqualTo(java.time.Instant.parse("2026-11-27T12:00:00Z").toEpochMilli());
        assertThat(f.at("/finding_info/uid").asText()).isEqualTo("aws:111122223333:e2b1c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        assertThat(f.at("/finding_info/attacks/0/sub_technique/uid").asText()).isEqualTo("T1686.001");
        assertThat(f.at("/finding_info/attacks/0/tactic/uid").asText()).isEqualTo("TA0112");
        assertThat(f.at("/finding_info/attacks/1/sub_technique/uid").asText()).isEqualTo("T1562.007");
        assertThat(f.at("/finding_info/attacks/1/technique/uid").asText()).isEqualTo("T1562");
        assertThat(f.at("/cloud/provider").asText()).isEqualTo("AWS");
        assertThat(f.at("/cloud/account/uid").asText()).isEqualTo("111122223333");
        assertThat(f.at("/cloud/region").asText()).isEqualTo("us-east-1");
        assertThat(f.at("/actor/user/uid").asText()).isEqualTo("arn:aws:sts::111122223333:assumed-role/Admin/alice");
        assertThat(f.at("/src_endpoint/ip").asText()).isEqualTo("203.0.113.7");
        assertThat(f.at("/resources/0/uid").asText()).isEqualTo("sg-0123456789abcdef0");
        assertThat(f.at("/metadata/product/name").asText()).isEqualTo("Firewatch");
        assertThat(f.at("/unmapped/rules/0/from_port").asInt()).isEqualTo(22);
        assertThat(f.has("raw_data")).isFalse();
    }

    @Test
    void severityIdsFollowOcsf() {
        int[] expected = {1, 2, 3, 4, 5};
        Severity[] severities = {Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL};
        for (int i = 0; i < severities.length; i++) {
            assertThat(OcsfRenderer.severityId(TestAlerts.with(TestAlerts.sshOpenToWorld(), severities[i], false)))
                    .isEqualTo(expected[i]);
        }
    }

    @Test
    void suppressedAlertsAreMarkedSo() throws Exception {
        JsonNode f = JSON.readTree(OcsfRenderer.render(TestAlerts.with(TestAlerts.sshOpenToWorld(), Severity.CRITICAL, true)));
        assertThat(f.at("/status_id").asInt()).isEqualTo(3);
        assertThat(f.at("/unmapped/suppressed").asBoolean()).isTrue();
    }
}
