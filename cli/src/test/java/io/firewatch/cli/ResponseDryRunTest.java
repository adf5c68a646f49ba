package io.firewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replayed events show what the automatic response would do (CONTRACT §6) when a response mode is set. */
class ResponseDryRunTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SSH_WORLD = Path.of("..", "samples", "aws", "2-eventbridge-ssh-opened-to-the-world.json");

    private static JsonNode only(CliRun r) throws Exception {
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(1);
        return MAPPER.readTree(lines.get(0));
    }

    @Test
    void scanShowsTheDryRunPlan() throws Exception {
        byte[] event = Files.readAllBytes(SSH_WORLD);
        CliRun r = CliRun.runWithInput(event, Map.of("FIREWATCH_RESPONSE_MODE", "dry-run"), "scan", "-");

        JsonNode response = only(r).path("response");
        assertThat(response.path("mode").asText()).isEqualTo("dry-run");
        assertThat(response.path("action").asText()).isEqualTo("revoke-rule");
        assertThat(response.path("status").asText()).isEqualTo("planned");
        assertThat(response.path("detail").asText()).startsWith("would revoke security group rules sgr-02c0ab9abc3975586, sgr-0d9e1010918fb550e");
    }

    @Test
    void enforceIsOnlyEverPlannedByTheCliAndSaysSo() throws Exception {
        byte[] event = Files.readAllBytes(SSH_WORLD);
        CliRun r = CliRun.runWithInput(event, Map.of("FIREWATCH_RESPONSE_MODE", "enforce"), "scan", "-");

        assertThat(only(r).path("response").path("mode").asText()).isEqualTo("dry-run");
        assertThat(r.err()).contains("enforce is shown as dry-run");
    }

    @Test
    void withoutAModeThereIsNoResponseFieldAndABadModeIsBadUsage() throws Exception {
        byte[] event = Files.readAllBytes(SSH_WORLD);
        assertThat(only(CliRun.runWithInput(event, Map.of(), "scan", "-")).has("response")).isFalse();

        CliRun bad = CliRun.runWithInput(event, Map.of("FIREWATCH_RESPONSE_MODE", "maybe"), "scan", "-");
        assertThat(bad.status()).isEqualTo(64);
        assertThat(bad.err()).contains("FIREWATCH_RESPONSE_MODE");
    }

    @Test
    void renderShowsTheResponseToo() {
        CliRun r = CliRun.runWithInput(new byte[0], Map.of("FIREWATCH_RESPONSE_MODE", "dry-run"), "render", "--as", "ocsf",
                SSH_WORLD.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("would revoke security group rules");
    }
}
