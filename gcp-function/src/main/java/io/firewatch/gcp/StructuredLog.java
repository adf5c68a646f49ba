package io.firewatch.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line on stdout, the form Cloud Logging parses into {@code severity}, {@code message} and
 * {@code jsonPayload} fields. Callers pass ids and counts only: event content is attacker-controlled and settings may
 * hold secrets, so neither is ever written here.
 */
final class StructuredLog {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;

    StructuredLog(PrintStream out) {
        this.out = out;
    }

    /** Alternating names and values, in order; null values are left out. */
    static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
            }
        }
        return map;
    }

    void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    void warning(String message, Map<String, ?> fields) {
        write("WARNING", message, fields);
    }

    void error(String message, Map<String, ?> fields) {
        write("ERROR", message, fields);
    }

    private void write(String severity, String message, Map<String, ?> fields) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("severity", severity);
        line.put("message", message);
        fields.forEach((k, v) -> line.set(k, MAPPER.valueToTree(v)));
        String text = line.toString();
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
