package io.firewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CONTRACT §1: an event recognised but not wholly readable is reported (exit 2), and its alert is still printed. */
class NothingSilentTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path FIXTURES = Path.of("../core/src/test/resources/fixtures");

    private static CliRun scan(byte[] input) {
        return CliRun.runWithInput(input, Map.of(), "scan", "-");
    }

    @Test
    void anUnreadableTimeKeepsTheAlertWithTheScansTimeAndIsReported() throws Exception {
        ObjectNode record = (ObjectNode) MAPPER.readTree(FIXTURES.resolve("aws/cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json").toFile());
        record.put("eventTime", "yesterday at noon");

        CliRun r = scan(MAPPER.writeValueAsBytes(record));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("the event's time cannot be read");
        JsonNode alert = MAPPER.readTree(r.outLines().get(0));
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("time").isTextual()).isTrue();
        assertThat(alert.path("reasons").toString()).contains("time could not be read");
    }

    @Test
    void anAzureBodyThatIsNotJsonKeepsItsAlertAndIsReported() throws Exception {
        byte[] input = Files.readAllBytes(FIXTURES.resolve("broken/azure-activity-log-truncated-response-body.json"));

        CliRun r = scan(input);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("is not JSON");
        assertThat(r.outLines()).hasSize(1);
    }

    @Test
    void wrongTypedRequiredFieldsAreReportedNotPassedOver() throws Exception {
        for (String broken : new String[] {"gcp-logentry-method-name-an-object.json", "azure-activity-log-operation-name-a-number.json"}) {
            CliRun r = scan(Files.readAllBytes(FIXTURES.resolve("broken/" + broken)));
            assertThat(r.status()).as(broken).isEqualTo(2);
            assertThat(r.err()).as(broken).contains("not a string");
        }
        ObjectNode record = (ObjectNode) MAPPER.readTree(FIXTURES.resolve("aws/cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json").toFile());
        record.put("eventName", 42);
        assertThat(scan(record.toString().getBytes(StandardCharsets.UTF_8)).status()).as("eventName a number").isEqualTo(2);
    }
}
