package io.firewatch.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firewatch.core.config.ConfigException;
import io.firewatch.core.config.Settings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {
    private static final String WEBHOOK = "https://prod-12.westeurope.logic.azure.com:443/workflows/0a1b/triggers/manual/paths/invoke"
            + "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=AbCdEfSecretSignature";

    @Test
    void noSettingsNoSinks() {
        assertThat(Settings.from(Map.of()).sinks()).isEmpty();
    }

    @Test
    void teamsAndEmailWhenTheirVariablesAreSet() {
        List<Sink> sinks = Settings.from(Map.of(
                "FIREWATCH_TEAMS_WEBHOOK_URL", WEBHOOK,
                "FIREWATCH_SMTP_HOST", "email-smtp.eu-west-1.amazonaws.com",
                "FIREWATCH_SMTP_USERNAME", "AKIAEXAMPLE",
                "FIREWATCH_SMTP_PASSWORD", "smtp-secret",
                "FIREWATCH_EMAIL_FROM", "Firewatch <firewatch@example.com>",
                "FIREWATCH_EMAIL_TO", "soc@example.com, netops@example.com")).sinks();

        assertThat(sinks).extracting(Sink::name).containsExactly("teams", "email");
        assertThat(sinks.get(0).toString()).doesNotContain("AbCdEfSecretSignature");
    }

    @Test
    void emailDefaultsToStarttlsOn587AndImplicitTlsOn465() {
        SmtpSettings standard = Settings.from(email(Map.of())).smtp();
        assertThat(standard.port()).isEqualTo(587);
        assertThat(standard.security()).isEqualTo(SmtpSettings.Security.STARTTLS);
        assertThat(standard.username()).isNull();
        assertThat(standard.to()).containsExactly("soc@example.com", "netops@example.com");

        assertThat(Settings.from(email(Map.of("FIREWATCH_SMTP_PORT", "465"))).smtp().security())
                .isEqualTo(SmtpSettings.Security.IMPLICIT_TLS);
        SmtpSettings relay = Settings.from(email(Map.of("FIREWATCH_SMTP_STARTTLS", "false"))).smtp();
        assertThat(relay.security()).isEqualTo(SmtpSettings.Security.NONE);
        assertThat(relay.port()).isEqualTo(25);
    }

    @Test
    void badValuesNameTheVariableWithoutEchoingSecrets() {
        assertThatThrownBy(() -> Settings.from(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL", "http://evil.example/x?sig=AbCdEfSecret")).sinks())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("FIREWATCH_TEAMS_WEBHOOK_URL: ")
                .hasMessageNotContaining("AbCdEfSecret");
        assertThatThrownBy(() -> Settings.from(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL", "not a url ^^ sig=AbCdEfSecret")).sinks())
                .isInstanceOf(ConfigException.class).hasMessageNotContaining("AbCdEfSecret");
        assertThatThrownBy(() -> Settings.from(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL",
                "https://contoso.webhook.office.com/webhookb2/abc/IncomingWebhook/def")).sinks())
                .isInstanceOf(ConfigException.class).hasMessageContaining("Workflows");
        assertThatThrownBy(() -> Settings.from(email(Map.of("FIREWATCH_SMTP_PORT", "70000"))).sinks())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FIREWATCH_SMTP_PORT: ");
        assertThatThrownBy(() -> Settings.from(email(Map.of("FIREWATCH_SMTP_STARTTLS", "maybe"))).sinks())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FIREWATCH_SMTP_STARTTLS: ");
        assertThatThrownBy(() -> Settings.from(email(Map.of("FIREWATCH_EMAIL_TO", "soc@example.com, not an address"))).sinks())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FIREWATCH_EMAIL_TO: ");
        assertThatThrownBy(() -> Settings.from(email(Map.of("FIREWATCH_SMTP_USERNAME", "user"))).sinks())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FIREWATCH_SMTP_PASSWORD: ");
        assertThatThrownBy(() -> Settings.from(Map.of("FIREWATCH_SMTP_HOST", "smtp.example.com")).sinks())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FIREWATCH_EMAIL_FROM: ");
        assertThatThrownBy(() -> Settings.from(email(Map.of("FIREWATCH_SMTP_HOST", "smtp.example.com\r\nRCPT TO:<x@y>"))).sinks())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FIREWATCH_SMTP_HOST: ");
    }

    @Test
    void secretsMayBeGivenByReference() {
        String arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:firewatch/teams-AbCdEf";
        List<Sink> sinks = Settings.from(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL", arn),
                ref -> ref.equals(arn) ? WEBHOOK : null).sinks();
        assertThat(sinks).extracting(Sink::name).containsExactly("teams");

        assertThatThrownBy(() -> Settings.from(Map.of("FIREWATCH_TEAMS_WEBHOOK_URL", arn)).sinks())
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FIREWATCH_TEAMS_WEBHOOK_URL: ");
    }

    @Test
    void loopbackHttpIsAllowedForLocalTesting() {
        assertThat(SinkSettings.webhook("V", "http://127.0.0.1:8080/hook").getHost()).isEqualTo("127.0.0.1");
        assertThat(SinkSettings.webhook("V", "http://localhost:8080/hook").getHost()).isEqualTo("localhost");
    }

    private static Map<String, String> email(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "FIREWATCH_SMTP_HOST", "smtp.example.com",
                "FIREWATCH_EMAIL_FROM", "firewatch@example.com",
                "FIREWATCH_EMAIL_TO", "soc@example.com;netops@example.com"));
        env.putAll(extra);
        return env;
    }
}
