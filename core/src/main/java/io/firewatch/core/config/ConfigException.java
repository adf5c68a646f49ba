package io.firewatch.core.config;

/** Invalid configuration. The message names the offending key so the operator can fix it at once. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
