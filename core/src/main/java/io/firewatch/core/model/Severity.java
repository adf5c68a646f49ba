package io.firewatch.core.model;

import java.util.Locale;

/** CONTRACT §3 severities, lowest first so that {@link #atLeast} reads naturally. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    /** Parses a wire value; throws IllegalArgumentException naming the accepted values. */
    public static Severity fromWire(String value) {
        if (value != null) {
            for (Severity s : values()) {
                if (s.wire().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("unknown severity '" + value + "' (expected critical, high, medium, low or info)");
    }
}
