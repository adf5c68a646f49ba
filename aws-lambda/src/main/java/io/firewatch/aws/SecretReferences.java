package io.firewatch.aws;

import io.firewatch.core.sink.SecretResolver;
import java.util.HashMap;
import java.util.Map;

/**
 * Secrets by reference: {@code FIREWATCH_X_SECRET_ARN} names a Secrets Manager secret whose value becomes
 * {@code FIREWATCH_X} (e.g. {@code FIREWATCH_TEAMS_WEBHOOK_URL_SECRET_ARN}, {@code FIREWATCH_SMTP_PASSWORD_SECRET_ARN}).
 * The reference wins over a plain value of the same setting, so a stale plain value cannot shadow the secret. A
 * trailing line break (a secret written with {@code echo}) is dropped.
 */
final class SecretReferences {
    static final String SUFFIX = "_SECRET_ARN";
    private static final String PREFIX = "FIREWATCH_";

    private SecretReferences() {
    }

    /**
     * The environment with every reference replaced by its value (the reference itself removed, so nothing
     * downstream fetches it again). Throws when a secret cannot be read.
     */
    static Map<String, String> resolve(Map<String, String> env, SecretResolver resolver) {
        Map<String, String> merged = new HashMap<>(env);
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (isReference(name) && e.getValue() != null && !e.getValue().isBlank()) {
                String target = name.substring(0, name.length() - SUFFIX.length());
                String value;
                try {
                    value = resolver.resolve(e.getValue().strip());
                } catch (RuntimeException ex) {
                    throw new IllegalStateException(name + ": " + ex.getMessage(), ex);
                }
                merged.put(target, value.replaceFirst("[\\r\\n]+$", ""));
                merged.remove(name);
            }
        }
        return merged;
    }

    static boolean isReference(String name) {
        return name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length();
    }
}
