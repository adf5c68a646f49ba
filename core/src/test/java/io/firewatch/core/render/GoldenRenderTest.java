package io.firewatch.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What each channel receives for the contract's example alert, byte for byte. Run with
 * {@code -Dfirewatch.golden.update=true} to rewrite the files, then open them (a card designer, a browser) and review.
 */
class GoldenRenderTest {
    private static final boolean UPDATE = Boolean.getBoolean("firewatch.golden.update");

    @Test
    void teamsCard() throws IOException {
        check("teams/authorize-sg-ingress-ssh-world.card.json", TeamsCardRenderer::render);
    }

    @Test
    void plainTextEmail() throws IOException {
        check("email/authorize-sg-ingress-ssh-world.txt", a -> "Subject: " + EmailRenderer.subject(a) + "\n\n" + EmailRenderer.text(a));
    }

    @Test
    void htmlEmail() throws IOException {
        check("email/authorize-sg-ingress-ssh-world.html", EmailRenderer::html);
    }

    @Test
    void ocsfFinding() throws IOException {
        check("ocsf/authorize-sg-ingress-ssh-world.ocsf.json", OcsfRenderer::render);
    }

    @Test
    void teamsCardOfAnAzureDeletion() throws IOException {
        check("teams/nsg-deny-rule-deleted.card.json", TeamsCardRenderer::render);
    }

    private static void check(String name, Function<Alert, String> renderer) throws IOException {
        Alert alert = name.contains("nsg-") ? TestAlerts.azureDenyDeleted() : TestAlerts.sshOpenToWorld();
        String actual = renderer.apply(alert);
        Path file = root().resolve(name);
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file)).as("golden file %s", file).isTrue();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Path root() {
        Path p = Path.of("src/test/resources/golden/render");
        return Files.isDirectory(p.getParent()) || UPDATE && Files.isDirectory(Path.of("src/test")) ? p
                : Path.of("core/src/test/resources/golden/render");
    }
}
