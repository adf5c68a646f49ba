package io.firewatch.core.response;

import io.firewatch.core.config.ConfigException;
import io.firewatch.core.model.Severity;
import java.util.function.UnaryOperator;

/** The response settings of CONTRACT §4, read once at the edge like every other setting. */
public record ResponseSettings(ResponseMode mode, Severity minSeverity) {
    public static final String MODE = "FIREWATCH_RESPONSE_MODE";
    public static final String MIN_SEVERITY = "FIREWATCH_RESPONSE_MIN_SEVERITY";
    public static final ResponseSettings OFF = new ResponseSettings(ResponseMode.OFF, Severity.CRITICAL);

    /**
     * Reads the settings through {@code value} (a variable's value, blank as unset); throws {@link ConfigException}
     * naming the bad variable.
     */
    public static ResponseSettings from(UnaryOperator<String> value) {
        ResponseMode mode;
        Severity min;
        try {
            String m = value.apply(MODE);
            mode = m == null ? ResponseMode.OFF : ResponseMode.fromWire(m);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MODE + ": " + e.getMessage());
        }
        try {
            String s = value.apply(MIN_SEVERITY);
            min = s == null ? Severity.CRITICAL : Severity.fromWire(s);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(MIN_SEVERITY + ": " + e.getMessage());
        }
        return new ResponseSettings(mode, min);
    }

    public boolean on() {
        return mode != ResponseMode.OFF;
    }
}
