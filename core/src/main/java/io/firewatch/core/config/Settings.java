package io.firewatch.core.config;

import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.SecretResolver;
import io.firewatch.core.sink.Sink;
import io.firewatch.core.sink.SinkSettings;
import io.firewatch.core.sink.SmtpSettings;
import io.firewatch.core.sink.SmtpSink;
import io.firewatch.core.sink.TeamsWebhookSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment variables of CONTRACT §4, read once at the edge (a function's cold start, the CLI's start).
 * Core never reads the environment itself.
 */
public final class Settings {
    public static final String CONFIG = "FIREWATCH_CONFIG";
    public static final String MIN_SEVERITY = "FIREWATCH_MIN_SEVERITY";
    public static final String TEAMS_WEBHOOK_URL = "FIREWATCH_TEAMS_WEBHOOK_URL";
    public static final String SMTP_HOST = "FIREWATCH_SMTP_HOST";
    public static final String SMTP_PORT = "FIREWATCH_SMTP_PORT";
    public static final String SMTP_USERNAME = "FIREWATCH_SMTP_USERNAME";
    public static final String SMTP_PASSWORD = "FIREWATCH_SMTP_PASSWORD";
    public static final String SMTP_STARTTLS = "FIREWATCH_SMTP_STARTTLS";
    public static final String EMAIL_FROM = "FIREWATCH_EMAIL_FROM";
    public static final String EMAIL_TO = "FIREWATCH_EMAIL_TO";

    private final Map<String, String> env;
    private final SecretResolver secrets;
    private final FirewatchConfig config;
    private final Severity minSeverity;

    private Settings(Map<String, String> env, SecretResolver secrets) {
        this.env = Map.copyOf(env);
        this.secrets = secrets;
        String json = value(CONFIG);
        this.config = json == null ? FirewatchConfig.defaults() : parseConfig(json);
        String min = value(MIN_SEVERITY);
        try {
            this.minSeverity = min == null ? Severity.MEDIUM : Severity.fromWire(min);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MIN_SEVERITY + ": " + e.getMessage());
        }
    }

    /** Reads settings; throws {@link ConfigException} naming the bad variable or key. */
    public static Settings from(Map<String, String> env, SecretResolver secrets) {
        return new Settings(env, secrets);
    }

    public static Settings from(Map<String, String> env) {
        return from(env, SecretResolver.NONE);
    }

    public FirewatchConfig config() {
        return config;
    }

    public Severity minSeverity() {
        return minSeverity;
    }

    /** A variable's value, blank treated as unset. */
    public String value(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    public SecretResolver secrets() {
        return secrets;
    }

    /**
     * The sinks whose settings are present (Teams, email), checked now so a bad value fails the cold start with a
     * {@link ConfigException} naming the variable (never its secret value). Clients connect lazily, on first send.
     */
    public List<Sink> sinks() {
        List<Sink> sinks = new ArrayList<>();
        String webhook = value(TEAMS_WEBHOOK_URL);
        if (webhook != null) {
            sinks.add(new TeamsWebhookSink(SinkSettings.webhook(TEAMS_WEBHOOK_URL, secret(TEAMS_WEBHOOK_URL, webhook)),
                    config::aliasOf));
        }
        SmtpSettings smtp = smtp();
        if (smtp != null) {
            sinks.add(new SmtpSink(smtp, config::aliasOf, io.firewatch.core.sink.Backoff.standard()));
        }
        return sinks;
    }

    /** The email settings, or null when email is not configured. */
    public SmtpSettings smtp() {
        String host = value(SMTP_HOST);
        String from = value(EMAIL_FROM);
        String to = value(EMAIL_TO);
        if (host == null && from == null && to == null) {
            return null;
        }
        String username = value(SMTP_USERNAME);
        String password = value(SMTP_PASSWORD);
        return SinkSettings.smtp(host, value(SMTP_PORT), value(SMTP_STARTTLS), username,
                password == null ? null : secret(SMTP_PASSWORD, password), from, to);
    }

    /** A secret given by value, or by reference (a Secrets Manager ARN) resolved through the platform's resolver. */
    private String secret(String name, String value) {
        if (!SinkSettings.isSecretReference(value)) {
            return value;
        }
        try {
            String resolved = secrets.resolve(value.strip());
            if (resolved == null || resolved.isBlank()) {
                throw new ConfigException(name + ": the referenced secret is empty");
            }
            return resolved.strip();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConfigException(name + ": the secret reference could not be resolved (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static FirewatchConfig parseConfig(String json) {
        try {
            return FirewatchConfig.parse(json);
        } catch (ConfigException e) {
            throw new ConfigException(CONFIG + ": " + e.getMessage());
        }
    }
}
