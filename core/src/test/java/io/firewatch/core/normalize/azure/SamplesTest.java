package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The shipped {@code samples/azure/} inputs read cleanly and give the alerts their names promise. */
class SamplesTest {
    private static final Map<String, List<String>> SEVERITIES = Map.of(
            "eventgrid-webhook-batch.json", List.of("high", "high"),
            "cloudevents-rule-collection-group-write.json", List.of("high"),
            "activity-log-eventhub-message.json", List.of("critical"),
            "activity-log-storage-PT1H.json", List.of("medium", "critical"),
            "activity-log-record.json", List.of("medium"));

    @TestFactory
    Stream<DynamicTest> everySampleScansCleanly() throws IOException {
        Path dir = Stream.of("../samples/azure", "samples/azure").map(Paths::get).filter(Files::isDirectory)
                .findFirst().orElseThrow(() -> new AssertionError("samples/azure not found"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files.stream().map(p -> p.getFileName().toString()).toList())
                .containsExactlyInAnyOrderElementsOf(SEVERITIES.keySet());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            Fixtures.Result r = Fixtures.scan(Files.readAllBytes(f));
            assertThat(r.problems).isEmpty();
            assertThat(r.alerts.stream().map(a -> a.severity().wire()).toList())
                    .isEqualTo(SEVERITIES.get(f.getFileName().toString()));
        }));
    }
}
