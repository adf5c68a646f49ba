package io.firewatch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretReferencesTest {
    @Test
    void referencesBecomeThePlainSettingsAndDisappear() {
        Map<String, String> env = Map.of(
                "FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:teams-AbCdEf",
                "FIREWATCH_SMTP_PASSWORD_SECRET_ARN", " arn:aws:secretsmanager:eu-west-1:111122223333:secret:smtp-Xy12Ab ",
                "FIREWATCH_SMTP_PASSWORD", "stale-plain-value",
                "FIREWATCH_MIN_SEVERITY", "high",
                "PATH", "/usr/bin");
        Map<String, String> merged = SecretReferences.resolve(env, ref -> ref.contains("teams") ? "https://hook.example/x\n" : "pw:" + ref);

        assertThat(merged)
                .containsEntry("FIREWATCH_TEAMS_WEBHOOK_URL", "https://hook.example/x")
                .containsEntry("FIREWATCH_SMTP_PASSWORD", "pw:arn:aws:secretsmanager:eu-west-1:111122223333:secret:smtp-Xy12Ab")
                .containsEntry("FIREWATCH_MIN_SEVERITY", "high")
                .containsEntry("PATH", "/usr/bin")
                .doesNotContainKeys("FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN", "FIREWATCH_SMTP_PASSWORD_SECRET_ARN");
    }

    @Test
    void blankReferencesAndOtherVariablesAreLeftAlone() {
        Map<String, String> env = Map.of("FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN", " ", "MY_SECRET_ARN", "arn:x", "FIREWATCH__SECRET_ARN", "arn:y");
        assertThat(SecretReferences.resolve(env, ref -> {
            throw new AssertionError("nothing to resolve: " + ref);
        })).isEqualTo(env);
    }

    @Test
    void aFailedLookupNamesTheVariableNotAValue() {
        assertThatThrownBy(() -> SecretReferences.resolve(Map.of("FIREWATCH_SMTP_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:1:secret:s"),
                ref -> {
                    throw new IllegalStateException("secret " + ref + " could not be read: ResourceNotFoundException");
                }))
                .hasMessageStartingWith("FIREWATCH_SMTP_PASSWORD_SECRET_ARN: ");
    }
}
