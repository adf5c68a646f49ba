package io.firewatch.azure;

/**
 * Ids for log lines. Correlation ids and event ids reach us from callers (a client may set its own correlation id),
 * so anything outside a plain id alphabet is replaced and the length capped: a log line cannot be forged through them.
 */
final class LogSafe {
    private static final int MAX = 128;

    private LogSafe() {
    }

    static String id(String value) {
        if (value == null) {
            return "-";
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX));
        for (int i = 0; i < value.length() && b.length() < MAX; i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-_.:#/[]() ".indexOf(c) >= 0;
            b.append(plain ? c : '?');
        }
        return value.length() > MAX ? b + "…" : b.toString();
    }
}
