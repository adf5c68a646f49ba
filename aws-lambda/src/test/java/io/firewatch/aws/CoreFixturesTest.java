package io.firewatch.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.Firewatch;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.config.FirewatchConfig;
import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.testing.Fixtures;
import io.firewatch.core.testing.RecordingSink;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's AWS fixtures replayed through the handler: the function delivers exactly the alerts the CLI prints for
 * them (the golden files), and fails exactly the inputs core reports problems for.
 */
class CoreFixturesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RecordingSink sink = new RecordingSink();
    private final EventBridgeHandler handler = new EventBridgeHandler(new Firewatch(FirewatchConfig.defaults()),
            new Dispatcher(List.of(sink), Severity.INFO), Clock.systemUTC(),
            new PrintStream(ByteArrayOutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));

    private static Path root() {
        for (String candidate : new String[] {"../core/src/test/resources/fixtures", "core/src/test/resources/fixtures"}) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("core's fixture tree is not beside this module");
    }

    private static List<String> fixtures(String folder, String prefix) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.map(p -> folder + "/" + p.getFileName())
                    .filter(n -> n.endsWith(".json") && n.substring(folder.length() + 1).startsWith(prefix))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> deliverable(String fixture) {
        return Fixtures.goldenAlerts(fixture).stream().filter(l -> !l.contains("\"suppressed\":true")).toList();
    }

    private static boolean broken(String fixture) {
        try {
            return !Fixtures.text(fixture.replaceFirst("\\.json$", ".problems.txt")).isBlank();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private JsonNode invoke(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(input), out, new TestContext("fixtures", 60_000));
        return MAPPER.readTree(out.toByteArray());
    }

    private List<String> delivered() {
        return sink.sent.stream().map(AlertJson::toJson).toList();
    }

    @Test
    void everyEventBridgeFixtureDeliversItsGoldenAlerts() throws IOException {
        List<String> fixtures = fixtures("aws/eventbridge", "");
        assertThat(fixtures).isNotEmpty();
        for (String fixture : fixtures) {
            sink.sent.clear();
            JsonNode response = invoke(Fixtures.bytes(fixture));
            assertThat(response.path("failed").asBoolean()).as(fixture).isFalse();
            assertThat(delivered()).as(fixture).containsExactlyInAnyOrderElementsOf(deliverable(fixture));
        }
    }

    @Test
    void lambdaSqsFixtureIsAnsweredWithoutFailures() throws IOException {
        JsonNode response = invoke(Fixtures.bytes("aws/sqs/lambda-sqs-batch.json"));
        assertThat(response.path("batchItemFailures")).isEmpty();
        assertThat(delivered()).containsExactlyInAnyOrderElementsOf(deliverable("aws/sqs/lambda-sqs-batch.json"));
    }

    @Test
    void aBatchOfGoodIgnoredAndBrokenEventsFailsExactlyTheBrokenOnes() throws IOException {
        List<String> bodies = new ArrayList<>();
        bodies.addAll(fixtures("aws/eventbridge", ""));
        bodies.addAll(fixtures("ignored", "aws-eventbridge-"));
        bodies.addAll(fixtures("broken", "aws-"));
        ObjectNode batch = MAPPER.createObjectNode();
        ArrayNode records = batch.putArray("Records");
        List<String> expectedFailures = new ArrayList<>();
        List<String> expectedAlerts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String fixture = bodies.get(i);
            String id = String.format("00000000-0000-4000-8000-%012d", i);
            records.addObject().put("messageId", id).put("body", Fixtures.text(fixture))
                    .put("eventSource", "aws:sqs").put("eventSourceARN", "arn:aws:sqs:eu-west-1:111122223333:firewatch-events")
                    .put("awsRegion", "eu-west-1");
            if (broken(fixture)) {
                expectedFailures.add(id);
            }
            expectedAlerts.addAll(deliverable(fixture));
        }
        assertThat(expectedFailures).isNotEmpty();

        JsonNode response = invoke(MAPPER.writeValueAsBytes(batch));

        List<String> failed = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertThat(failed).containsExactlyInAnyOrderElementsOf(expectedFailures);
        assertThat(delivered()).containsExactlyInAnyOrderElementsOf(expectedAlerts);
    }
}
