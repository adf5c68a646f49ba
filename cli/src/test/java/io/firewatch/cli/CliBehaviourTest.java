package io.firewatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a script or a person at a terminal meets it: links, empty paths, help, version, widths, files out. */
class CliBehaviourTest {
    private static final Path SAMPLES = SamplesTest.SAMPLES;
    private static final String SSH_WORLD = "aws/2-eventbridge-ssh-opened-to-the-world.json";

    @TempDir
    Path dir;

    @Test
    void symbolicLinksToDirectoriesAndFilesAreFollowed() throws IOException {
        Path linkToDir = Files.createSymbolicLink(dir.resolve("samples-link"), SAMPLES.toAbsolutePath());
        CliRun viaLink = CliRun.run("scan", "--fail-on", "critical", linkToDir.toString());
        CliRun direct = CliRun.run("scan", "--fail-on", "critical", SAMPLES.toString());
        assertThat(viaLink.status()).as(viaLink.err()).isEqualTo(1);
        assertThat(viaLink.outLines()).isEqualTo(direct.outLines()).isNotEmpty();

        Path nested = Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(nested.resolve("aws"), SAMPLES.resolve("aws").toAbsolutePath());
        Files.createSymbolicLink(nested.resolve("one.json"), SAMPLES.resolve(SSH_WORLD).toAbsolutePath());
        CliRun tree = CliRun.run("scan", nested.toString());
        assertThat(tree.status()).as(tree.err()).isZero();
        assertThat(tree.err()).contains("6 inputs");
    }

    @Test
    void aLinkCycleIsReportedNotLooped() throws IOException {
        Path a = Files.createDirectories(dir.resolve("a/b"));
        Files.copy(SAMPLES.resolve(SSH_WORLD), a.resolve("event.json"));
        Files.createSymbolicLink(a.resolve("back-to-a"), dir.resolve("a").toAbsolutePath());
        CliRun r = CliRun.run("scan", dir.resolve("a").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("back-to-a: unreadable: symbolic link cycle").contains("1 input,");
        assertThat(r.outLines()).hasSize(1);
    }

    @Test
    void anEmptyPathWarnsAndFailsAGate() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun plain = CliRun.run("scan", empty.toString());
        assertThat(plain.status()).isZero();
        assertThat(plain.err()).contains("warning: " + empty + ": no input files here");

        CliRun gate = CliRun.run("scan", "--fail-on", "critical", empty.toString());
        assertThat(gate.status()).isEqualTo(2);
        assertThat(gate.err()).contains(empty + ": unreadable: no input files here");

        Path broken = Files.createSymbolicLink(dir.resolve("broken"), dir.resolve("nowhere"));
        assertThat(CliRun.run("scan", broken.toString()).err()).contains("broken: unreadable: broken symbolic link");
    }

    @Test
    void everyCommandHasHelpAndTheToolHasAVersion() {
        for (String command : List.of("scan", "render", "notify-test")) {
            CliRun r = CliRun.run(command, "--help");
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("usage: firewatch " + command);
            assertThat(CliRun.run(command, "-h").out()).isEqualTo(r.out());
            assertThat(CliRun.run("help", command).out()).isEqualTo(r.out());
        }
        CliRun version = CliRun.run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("firewatch ").endsWith("\n");
        assertThat(CliRun.run("--help").out()).contains("firewatch --version");
    }

    @Test
    void configurationSyntaxErrorsGiveLineAndColumn() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\n  \"publicPorts\": [80, 443],\n  \"allow\": [\n    {\"name\": \"x\" \"principal\": \"y\"}\n  ]\n}\n");
        CliRun r = CliRun.run("scan", "--config", config.toString(), SAMPLES.resolve(SSH_WORLD).toString());
        assertThat(r.status()).isEqualTo(64);
        assertThat(r.err()).contains(config + ": configuration is not valid JSON at line 4, column ");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aResourceTagThatCannotMatchIsReportedOnLoad() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"allow\": [{\"name\": \"labelled\", \"provider\": \"gcp\", \"resourceTag\": {\"env\": \"dev\"}}],"
                + " \"accountAliases\": {\"111122223333\": \"payments-prod\"}}");
        CliRun r = CliRun.runWithInput(new byte[0], Map.of("COLUMNS", "120"), "scan", "--format", "text", "--config",
                config.toString(), SAMPLES.resolve(SSH_WORLD).toString());
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("warning: " + config + ": allow[0] (labelled): resourceTag can never match");
        assertThat(r.out()).contains("aws payments-prod");
    }

    @Test
    void textRowsFitTheWidthAndNeverWrap() {
        for (int width : new int[] {80, 120, 200}) {
            CliRun r = CliRun.runWithInput(new byte[0], Map.of("COLUMNS", Integer.toString(width)), "scan", "--format", "text",
                    SAMPLES.toString());
            assertThat(r.status()).isZero();
            assertThat(r.outLines()).hasSizeGreaterThan(10)
                    .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(width));
            assertThat(r.outLines().get(0)).startsWith("SEV   TIME (UTC)       CLOUD/ACCOUNT ");
            assertThat(r.outLines().subList(1, r.outLines().size()))
                    .allSatisfy(line -> assertThat(line.substring(6, 22)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d|- {15}"));
        }
        CliRun wide = CliRun.runWithInput(new byte[0], Map.of("COLUMNS", "120"), "scan", "--format", "text",
                SAMPLES.resolve(SSH_WORLD).toString());
        assertThat(wide.outLines().get(1)).startsWith("CRIT  ").contains("aws 111122223333")
                .contains("opened tcp/22 (SSH) to the internet ").endsWith("0a1b2c3d4e5f67890");
    }

    @Test
    void renderWithOutWritesOneHtmlDocumentPerAlert() throws IOException {
        Path out = dir.resolve("rendered");
        CliRun r = CliRun.run("render", "--as", "email-html", "--out", out.toString(), SAMPLES.resolve("aws").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        List<Path> files;
        try (var list = Files.list(out)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(2);
        assertThat(files.get(0).getFileName().toString()).matches("001-[a-z]+-aws-[A-Za-z0-9._-]+\\.html");
        for (Path f : files) {
            String html = Files.readString(f, StandardCharsets.UTF_8);
            assertThat(html).startsWith("<!DOCTYPE html>");
            assertThat(html.split("<!DOCTYPE", -1)).hasSize(2);
        }
        assertThat(r.err()).contains(files.size() + " alerts rendered as email-html into " + out);
    }
}
