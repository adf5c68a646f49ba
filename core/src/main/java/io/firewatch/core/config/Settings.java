package io.firewatch.core.config;

import io.firewatch.core.model.Severity;
import io.firewatch.core.sink.SecretResolver;
import io.firewatch.core.sink.Sink;
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

    /** The sinks whose settings are present (Teams, email). Clients connect lazily, on first send. */
    public List<Sink> sinks() {
        return new ArrayList<>();
    }

    private static FirewatchConfig parseConfig(String json) {
        try {
            return FirewatchConfig.parse(json);
        } catch (ConfigException e) {
            throw new ConfigException(CONFIG + ": " + e.getMessage());
        }
    }
}
