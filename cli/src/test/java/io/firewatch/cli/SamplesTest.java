package io.firewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ./firewatch scan samples} is the README's first command: it must read every sample cleanly and print exactly
 * the golden alerts in {@code cli/src/test/resources/samples.alerts.jsonl}. Rewrite the golden file with
 * {@code -Dfirewatch.golden.update=true} and review the diff.
 */
class SamplesTest {
    static final Path SAMPLES = Path.of("../samples");
    private static final Path GOLDEN = Path.of("src/test/resources/samples.alerts.jsonl");

    @Test
    void scanningTheSamplesGivesTheGoldenAlertsAndNoProblem() throws IOException {
        assertThat(SAMPLES).isDirectory();
        CliRun r = CliRun.run("scan", SAMPLES.toString());
        if (Boolean.getBoolean("firewatch.golden.update")) {
            Files.writeString(GOLDEN, r.out(), StandardCharsets.UTF_8);
        }
        assertThat(r.err()).doesNotContain("unrecognized").doesNotContain("malformed").doesNotContain("invalid");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> golden = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        assertThat(r.outLines()).containsExactlyElementsOf(golden);
        assertThat(golden).as("the samples show alerts of every provider")
                .anyMatch(l -> l.contains("\"provider\":\"aws\""))
                .anyMatch(l -> l.contains("\"provider\":\"azure\""))
                .anyMatch(l -> l.contains("\"provider\":\"gcp\""));
    }

    @Test
    void textFormatShowsOneLinePerAlertAndAHeader() {
        CliRun r = CliRun.run("scan", "--format", "text", SAMPLES.toString());
        assertThat(r.status()).isZero();
        assertThat(r.outLines().get(0)).startsWith("SEV ");
        assertThat(r.outLines()).hasSizeGreaterThan(3);
    }

    @Test
    void failOnTurnsASevereAlertIntoExitStatusOne() {
        assertThat(CliRun.run("scan", "--fail-on", "critical", SAMPLES.toString()).status()).isEqualTo(1);
        assertThat(CliRun.run("scan", "--fail-on", "info", SAMPLES.toString()).status()).isEqualTo(1);
    }

    @Test
    void ocsfFormatPrintsOneDetectionFindingPerAlert() throws IOException {
        CliRun jsonl = CliRun.run("scan", SAMPLES.toString());
        CliRun ocsf = CliRun.run("scan", "--format", "ocsf", SAMPLES.toString());
        assertThat(ocsf.status()).isZero();
        assertThat(ocsf.outLines()).hasSameSizeAs(jsonl.outLines());
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : ocsf.outLines()) {
            var finding = mapper.readTree(line);
            assertThat(finding.path("class_uid").asInt()).isEqualTo(2004);
            assertThat(finding.at("/finding_info/uid").asText()).isNotBlank();
        }
    }
}
