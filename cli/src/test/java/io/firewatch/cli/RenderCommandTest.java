package io.firewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firewatch.core.alert.Alert;
import io.firewatch.core.render.EmailRenderer;
import io.firewatch.core.render.TeamsCardRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
    @TempDir
    Path dir;

    @Test
    void formatAndPathsAreRequired() {
        assertThat(CliRun.run("render", "x.json").status()).isEqualTo(64);
        assertThat(CliRun.run("render", "x.json").err()).contains("--as is required");
        assertThat(CliRun.run("render", "--as", "slack", "x.json").status()).isEqualTo(64);
        assertThat(CliRun.run("render", "--as", "teams").status()).isEqualTo(64);
        assertThat(CliRun.run("render", "--as", "teams", "--bogus", "x").status()).isEqualTo(64);
    }

    @Test
    void emptyInputRendersNothingAndSucceeds() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "", StandardCharsets.UTF_8);
        CliRun r = CliRun.run("render", "--as", "teams", empty.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("0 alerts rendered as teams");
    }

    @Test
    void unreadableInputIsReportedWithExitTwo() {
        CliRun r = CliRun.runWithInput("{not json".getBytes(StandardCharsets.UTF_8), Map.of(), "render", "--as", "ocsf", "-");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("<stdin>");
        assertThat(CliRun.run("render", "--as", "teams", dir.resolve("missing.json").toString()).status()).isEqualTo(2);
    }

    @Test
    void eachFormatIsExactlyWhatItsChannelReceives() throws Exception {
        Alert alert = SampleAlert.at(Instant.parse("2026-12-01T10:00:00Z"));

        String teams = RenderCommand.render("teams", alert, io.firewatch.core.render.AccountAliases.NONE);
        assertThat(teams).isEqualTo(TeamsCardRenderer.render(alert) + "\n").doesNotContain("\n\n");
        JsonNode card = new ObjectMapper().readTree(teams);
        assertThat(card.at("/attachments/0/content/type").asText()).isEqualTo("AdaptiveCard");

        JsonNode ocsf = new ObjectMapper().readTree(RenderCommand.render("ocsf", alert, io.firewatch.core.render.AccountAliases.NONE));
        assertThat(ocsf.at("/class_uid").asInt()).isEqualTo(2004);

        assertThat(RenderCommand.render("email-text", alert, io.firewatch.core.render.AccountAliases.NONE))
                .startsWith("Subject: [Firewatch TEST] FirewatchNotifyTest/firewatch-notify-test opened tcp/22 (SSH) to the internet")
                .endsWith(EmailRenderer.text(alert));
        assertThat(RenderCommand.render("email-html", alert, io.firewatch.core.render.AccountAliases.NONE)).isEqualTo(EmailRenderer.html(alert));
    }
}
