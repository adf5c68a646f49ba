package io.firewatch.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Severity;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing silent (CONTRACT §1): a document recognised by its envelope whose names, bodies or time cannot be read is
 * reported as a problem, and keeps its alert whenever the change itself is known.
 */
class RecognisedButUnreadableTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String AWS = "aws/cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json";
    private static final String AWS_EVENTBRIDGE = "aws/eventbridge/detail-type-redacted-envelope-fallbacks.json";
    private static final String GCP = "gcp/logentry/firewalls-insert-console-bare-host.json";
    private static final String AZURE_ACTIVITY = "azure/activity-log/rdp-open-triple.json";
    private static final String AZURE_EVENTGRID = "azure/eventgrid/nsg-rule-write.json";

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            aws/cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json | eventName                 | 42          | eventName is not a text value
            aws/cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json | eventName                 | null        | eventName is not a text value
            aws/cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json | eventSource               | ["ec2"]     | eventSource is not a text value
            aws/eventbridge/detail-type-redacted-envelope-fallbacks.json      | detail.eventName          | {}          | eventName is not a text value
            gcp/logentry/firewalls-insert-console-bare-host.json              | protoPayload.methodName   | {"a":1}     | protoPayload.methodName is not a text value
            gcp/logentry/firewalls-insert-console-bare-host.json              | protoPayload.methodName   | 7           | protoPayload.methodName is not a text value
            azure/activity-log/rdp-open-triple.json                           | records.0.operationName   | 42          | operationName is not a text value
            azure/activity-log/rdp-open-triple.json                           | records.0.operationName   | ["x"]       | operationName is not a text value
            azure/eventgrid/nsg-rule-write.json                               | data.operationName        | {}          | data.operationName is not a text value
            """)
    void aRecognisedEventWithAnUnreadableNameIsAProblemNotAnIgnoredEvent(String fixture, String path, String value, String message)
            throws IOException {
        JsonNode doc = edit(fixture, path, MAPPER.readTree(value));
        Fixtures.Result result = Fixtures.scan(bytes(doc));
        assertThat(result.problems).as("reported").anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
            assertThat(p.message()).contains(message);
        });
        assertThat(result.inputs).allSatisfy(i -> assertThat(i.ok()).isFalse());
    }

    @Test
    void anAwsRecordWithAnUnreadableTimeKeepsItsAlertWithTheScansTime() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        Fixtures.Result result = Fixtures.scan(bytes(edit(AWS, "eventTime", MAPPER.readTree("\"yesterday\""))));
        assertTimeFallback(result, before, "eventTime is not a time ('yesterday')");
        assertThat(result.only().severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aGcpEntryWithoutTimestampsKeepsItsAlertWithTheScansTime() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        JsonNode doc = read(GCP);
        ((ObjectNode) doc).remove("timestamp");
        ((ObjectNode) doc).remove("receiveTimestamp");
        assertTimeFallback(Fixtures.scan(bytes(doc)), before, "timestamp is missing");
    }

    @Test
    void anAzureEventWithAnUnreadableTimeKeepsItsAlertWithTheScansTime() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        assertTimeFallback(Fixtures.scan(bytes(edit(AZURE_EVENTGRID, "eventTime", MAPPER.readTree("12")))), before,
                "eventTime is not a text value");
    }

    @Test
    void anAzureRequestBodyThatIsNoJsonKeepsTheAlertOpenAndIsReported() throws IOException {
        JsonNode start = read(AZURE_ACTIVITY).path("records").get(0);
        ((ObjectNode) start.path("properties")).put("requestbody", "{\"properties\":{\"protocol\":\"TCP\",\"sourcePort");
        Fixtures.Result result = Fixtures.scan(bytes(start));
        assertThat(result.problems).singleElement().satisfies(p -> assertThat(p.message()).startsWith("properties.requestbody is not a JSON object"));
        Alert alert = result.only();
        assertThat(alert.openToWorld()).as("content unknown").isNull();
        assertThat(alert.severity()).isEqualTo(Severity.HIGH);
        assertThat(alert.reasons()).anyMatch(r -> r.contains("request body in the record is cut short or not JSON"));
    }

    private static void assertTimeFallback(Fixtures.Result result, Instant before, String problem) {
        assertThat(result.problems).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.INVALID);
            assertThat(p.message()).startsWith(problem);
        });
        Alert alert = result.only();
        assertThat(alert.change().time()).as("never null: the time of the scan").isNotNull()
                .isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
        assertThat(alert.reasons()).anyMatch(r -> r.startsWith("the event's time could not be read"));
    }

    private static JsonNode read(String fixture) throws IOException {
        return MAPPER.readTree(Fixtures.bytes(fixture));
    }

    /** The fixture with the value at a dotted path (numeric segments index arrays) replaced. */
    private static JsonNode edit(String fixture, String path, JsonNode value) throws IOException {
        JsonNode doc = read(fixture);
        String[] parts = path.split("\\.");
        JsonNode parent = doc;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parts[i].matches("\\d+") ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        ((ObjectNode) parent).set(parts[parts.length - 1], value);
        return doc;
    }

    private static byte[] bytes(JsonNode doc) {
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }
}
