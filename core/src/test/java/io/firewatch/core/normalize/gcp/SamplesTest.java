package io.firewatch.core.normalize.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The GCP samples shipped for users ({@code samples/gcp}) stay readable and keep giving their alerts. */
class SamplesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # sample                                              | alerts | highest severity
            pubsub-push-console-opens-rdp.json                    | 1      | critical
            eventarc-audit-log-console-opens-rdp.json             | 1      | critical
            cloudevent-message-published-deny-rule-disabled.json  | 1      | high
            org-sink-hierarchical-policy-rule.json                | 1      | critical
            log-sink-export.jsonl                                 | 4      | critical
            """)
    void sampleGivesItsAlerts(String sample, int alerts, String highest) throws IOException {
        Fixtures.Result result = Fixtures.scan(Files.readAllBytes(samples().resolve(sample)));
        assertThat(result.problems).isEmpty();
        assertThat(result.alerts).hasSize(alerts);
        assertThat(result.alerts.stream().map(a -> a.severity()).max(Enum::compareTo).orElseThrow().wire()).isEqualTo(highest);
    }

    @org.junit.jupiter.api.Test
    void everySampleIsListed() throws IOException {
        try (Stream<Path> files = Files.list(samples())) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).containsExactlyInAnyOrder("pubsub-push-console-opens-rdp.json",
                    "eventarc-audit-log-console-opens-rdp.json", "cloudevent-message-published-deny-rule-disabled.json",
                    "org-sink-hierarchical-policy-rule.json", "log-sink-export.jsonl");
        }
    }

    private static Path samples() {
        for (String candidate : new String[] {"../samples/gcp", "samples/gcp"}) {
            Path p = Paths.get(candidate);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new AssertionError("samples/gcp not found from " + Paths.get("").toAbsolutePath());
    }
}
