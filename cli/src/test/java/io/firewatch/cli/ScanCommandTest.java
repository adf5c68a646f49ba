package io.firewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void noArgumentsIsBadUsage() {
        CliRun r = CliRun.run();
        assertThat(r.status()).isEqualTo(64);
        assertThat(r.err()).contains("usage: firewatch scan");
    }

    @Test
    void unknownCommandAndOptionsAreBadUsage() {
        assertThat(CliRun.run("explode").status()).isEqualTo(64);
        assertThat(CliRun.run("scan", "--frobnicate", "x").status()).isEqualTo(64);
        assertThat(CliRun.run("scan", "--format", "yaml", "x").status()).isEqualTo(64);
        assertThat(CliRun.run("scan", "--fail-on", "loud", "x").status()).isEqualTo(64);
        assertThat(CliRun.run("scan").status()).as("no path").isEqualTo(64);
        assertThat(CliRun.run("scan", "--format").status()).as("missing value").isEqualTo(64);
    }

    @Test
    void invalidConfigurationFailsFastNamingTheKey() throws IOException {
        Path config = file("config.json", "{\"publicPort\":[443]}");
        Path input = file("empty.json", "");
        CliRun r = CliRun.run("scan", "--config", config.toString(), input.toString());
        assertThat(r.status()).isEqualTo(64);
        assertThat(r.err()).contains("publicPort: unknown key");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void emptyInputsAreReadCleanly() throws IOException {
        Path a = file("a/empty.json", "");
        file("a/blank.jsonl", "  \n\n");
        CliRun r = CliRun.run("scan", a.getParent().toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("2 inputs");
    }

    @Test
    void unreadableInputIsReportedWithFileAndLineAndScanningGoesOn() throws IOException {
        Path bad = file("in/bad.jsonl", "{\"a\":1}\n{broken\n");
        Path missing = dir.resolve("missing.json");
        CliRun r = CliRun.run("scan", bad.getParent().toString(), missing.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad + ":2: malformed").contains(missing + ": unreadable: no such file or directory")
                .contains(bad + ":1: unrecognized");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void stdinIsReadWithDash() {
        CliRun r = CliRun.runWithInput("{\"nothing\":true}".getBytes(StandardCharsets.UTF_8), Map.of(), "scan", "-");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("<stdin>:1: unrecognized: no known event shape (fields nothing)");
    }

    @Test
    void hostileInputNeverReachesTheTerminalRaw() {
        String evil = "{\"\\u001b]0;pwned\\u0007\\u001b[2J\":1}";
        CliRun r = CliRun.runWithInput(evil.getBytes(StandardCharsets.UTF_8), Map.of(), "scan", "-");
        assertThat(r.err()).doesNotContain("\u001b").doesNotContain("\u0007").contains("\\u001b");
    }

    @Test
    void hiddenFilesInDirectoriesAreSkipped() throws IOException {
        file("d/.git/config", "not json");
        file("d/.DS_Store", "\u0000\u0001");
        file("d/ok.json", "");
        CliRun r = CliRun.run("scan", dir.resolve("d").toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("1 input,");
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ObjectNode fixture(String path) throws IOException {
        return (ObjectNode) MAPPER.readTree(Fixtures.bytes(path));
    }

    @Test
    void anEventWhoseTimeCannotBeReadStillAlertsWithTheScansTimeAndExitsTwo() throws IOException {
        ObjectNode record = fixture("aws/cloudtrail-record/authorize-sg-ingress-legacy-flat-mysql.json");
        record.put("eventTime", "27/11/2026 17:12");
        Path in = file("time/record.json", record.toString());
        CliRun r = CliRun.run("scan", in.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.outLines()).singleElement().satisfies(line -> {
            JsonNode alert = MAPPER.readTree(line);
            assertThat(alert.path("time").isTextual()).as("time is a string, never null").isTrue();
            assertThat(alert.path("severity").asText()).isEqualTo("critical");
            assertThat(alert.path("reasons").toString()).contains("the event's time could not be read");
        });
        assertThat(r.err()).contains(in + ":1: invalid: eventTime is not a time ('27/11/2026 17:12')");
    }

    @Test
    void aRecognisedEntryWithAWrongTypedMethodIsReportedWithFileAndLineBesideTheOthersAlerts() throws IOException {
        ObjectNode good = fixture("gcp/logentry/firewalls-insert-console-bare-host.json");
        ObjectNode bad = good.deepCopy();
        ((ObjectNode) bad.path("protoPayload")).putObject("methodName").put("name", "v1.compute.firewalls.insert");
        Path in = file("gcp/export.jsonl", good + "\n" + bad + "\n");
        CliRun r = CliRun.run("scan", in.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.outLines()).hasSize(1);
        assertThat(r.err()).contains(in + ":2: invalid: audit log entry whose protoPayload.methodName is not a text value");
    }

    @Test
    void anAzureRecordWhoseBodyIsNoJsonIsReportedAndStillAlertsOpen() throws IOException {
        ObjectNode start = (ObjectNode) fixture("azure/activity-log/rdp-open-triple.json").path("records").get(0);
        ((ObjectNode) start.path("properties")).put("requestbody", "{\"properties\":{\"protocol\":\"TCP\",\"sourcePortRan");
        Path in = file("azure/start.json", start.toString());
        CliRun r = CliRun.run("scan", "--fail-on", "high", in.toString());
        assertThat(r.status()).as("unreadable input wins over --fail-on").isEqualTo(2);
        assertThat(r.outLines()).singleElement().satisfies(line -> {
            JsonNode alert = MAPPER.readTree(line);
            assertThat(alert.path("openToWorld").isNull()).as("content unknown").isTrue();
            assertThat(alert.path("severity").asText()).isEqualTo("high");
        });
        assertThat(r.err()).contains(in + ":1: invalid: properties.requestbody is not a JSON object");
    }
}
