package io.firewatch.core.response;

import java.util.Locale;

/** {@code FIREWATCH_RESPONSE_MODE} (CONTRACT §6): whether Firewatch takes back world-open rules. */
public enum ResponseMode {
    OFF, DRY_RUN, ENFORCE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a wire value; throws IllegalArgumentException naming the accepted values. */
    public static ResponseMode fromWire(String value) {
        if (value != null) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            for (ResponseMode m : values()) {
                if (m.wire().equals(v)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown response mode '" + value + "' (expected off, dry-run or enforce)");
    }
}
