package io.firewatch.core.testing;

import java.util.HashMap;
import java.util.Map;

/** The CONTRACT §4 settings that point the Teams and email sinks at a test's stand-ins (WireMock, GreenMail). */
public final class StandInSettings {
    private StandInSettings() {
    }

    /** Teams at {@code webhookUrl}, email through plain SMTP on loopback {@code smtpPort} to {@code to}; mutable. */
    public static Map<String, String> teamsAndEmail(String webhookUrl, int smtpPort, String to) {
        Map<String, String> env = new HashMap<>();
        env.put("FIREWATCH_TEAMS_WEBHOOK_URL", webhookUrl);
        env.put("FIREWATCH_SMTP_HOST", "127.0.0.1");
        env.put("FIREWATCH_SMTP_PORT", Integer.toString(smtpPort));
        env.put("FIREWATCH_SMTP_STARTTLS", "false");
        env.put("FIREWATCH_EMAIL_FROM", "firewatch@example.com");
        env.put("FIREWATCH_EMAIL_TO", to);
        return env;
    }
}
