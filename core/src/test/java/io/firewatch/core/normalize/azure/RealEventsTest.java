package io.firewatch.core.normalize.azure;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.testing.Fixtures;
import io.firewatch.core.testing.RealEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Azure event in {@code shared/real-events/azure/} against what CONTRACT §3 makes of it (not what the source
 * project's rule expected). The Panther records are bare Activity Log records without bodies: writes of rules and
 * NSGs are therefore of unknown exposure (high), deletes of whole firewalls are high, deletes of rules that cannot be
 * described are high, and changes without rules (policy write, join, diagnostic settings) are medium.
 */
class RealEventsTest {

    /** Expected: severity, action, outcome, openToWorld ("null" for unknown), region ("null" for none). */
    private record Expect(String severity, String action, String outcome, String openToWorld, String region) {
    }

    private static final Map<String, Expect> EXPECTED = Map.ofEntries(
            Map.entry("panther-activity-firewall-policy-delete-lowercase-succeeded.json", new Expect("high", "delete", "success", "false", "westeurope")),
            Map.entry("panther-activity-firewall-policy-delete-uppercase.json", new Expect("high", "delete", "success", "false", "eastus")),
            Map.entry("panther-activity-firewall-policy-write-uppercase.json", new Expect("medium", "modify", "success", "false", "null")),
            Map.entry("panther-activity-nsg-delete-lowercase-succeeded.json", new Expect("high", "delete", "success", "false", "eastus")),
            Map.entry("panther-activity-nsg-delete.json", new Expect("high", "delete", "success", "false", "null")),
            Map.entry("panther-activity-nsg-diagnostic-settings-write.json", new Expect("medium", "modify", "success", "false", "eastus")),
            Map.entry("panther-activity-nsg-join-action.json", new Expect("medium", "attach", "success", "false", "westus")),
            Map.entry("panther-activity-nsg-security-rule-delete-denyall.json", new Expect("high", "delete", "success", "null", "eastus")),
            Map.entry("panther-activity-nsg-security-rule-write-allowrdp.json", new Expect("high", "modify", "success", "null", "westus")),
            Map.entry("panther-activity-nsg-write.json", new Expect("high", "modify", "success", "null", "westus")));

    private static Path azure() {
        return RealEvents.folder("azure");
    }

    @Test
    void everyRealEventHasAnExpectation() throws IOException {
        try (Stream<Path> files = Files.list(azure())) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json")).toList();
            assertThat(names).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        }
    }

    @TestFactory
    Stream<DynamicTest> positives() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Fixtures.Result r = Fixtures.scan(Files.readAllBytes(azure().resolve(e.getKey())));
            assertThat(r.problems).isEmpty();
            Alert a = r.only();
            Expect x = e.getValue();
            assertThat(a.change().provider().wire()).isEqualTo("azure");
            assertThat(a.severity().wire()).isEqualTo(x.severity());
            assertThat(a.change().action().wire()).isEqualTo(x.action());
            assertThat(a.change().outcome().wire()).isEqualTo(x.outcome());
            assertThat(String.valueOf(a.openToWorld())).isEqualTo(x.openToWorld());
            assertThat(String.valueOf(a.change().region())).isEqualTo(x.region());
            assertThat(a.change().account()).matches("[0-9a-f-]{36}");
            assertThat(a.change().eventId()).isNotBlank();
            assertThat(a.change().resource().name()).isNotBlank();
        }));
    }

    @TestFactory
    Stream<DynamicTest> negativesGiveNothing() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(azure().resolve("negative"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest("negative/" + f.getFileName(), () -> {
            Fixtures.Result r = Fixtures.scan(Files.readAllBytes(f));
            assertThat(r.alerts).isEmpty();
            assertThat(r.problems).isEmpty();
            assertThat(r.inputs.get(0).ignored()).as("recognised and ignored").isPositive();
        }));
    }
}
