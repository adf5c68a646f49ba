package io.firewatch.aws;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.alert.AlertJson;
import io.firewatch.core.model.FirewallChange;
import io.firewatch.core.render.AccountAliases;
import io.firewatch.core.render.AlertSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one alert looks like on SNS: the contract's alert JSON as the message, a short subject for email
 * subscribers, and string attributes that subscription filter policies can match.
 */
record SnsPublication(String subject, String message, Map<String, String> attributes) {
    /** SNS wants subjects of printable ASCII, shorter than 100 characters. */
    static final int MAX_SUBJECT = 99;
    /** SNS's message size limit (256 KiB, UTF-8). */
    static final int MAX_MESSAGE_BYTES = 262_144;
    static final int MAX_ATTRIBUTE = 256;

    static SnsPublication of(Alert alert) {
        return of(alert, AccountAliases.NONE);
    }

    static SnsPublication of(Alert alert, AccountAliases aliases) {
        FirewallChange c = alert.change();
        Map<String, String> attributes = new LinkedHashMap<>();
        put(attributes, "severity", alert.severity().wire());
        put(attributes, "provider", c.provider().wire());
        put(attributes, "account", c.account());
        put(attributes, "operation", c.operation());
        return new SnsPublication(subject(alert, aliases), AlertJson.toJson(alert), attributes);
    }

    static String subject(Alert alert) {
        return subject(alert, AccountAliases.NONE);
    }

    /** The same subject as the email's (core's {@link AlertSummary#subject}), in the printable ASCII SNS accepts. */
    static String subject(Alert alert, AccountAliases aliases) {
        return printableAscii(AlertSummary.subject(alert, aliases).replace('\u2026', '.'), MAX_SUBJECT);
    }

    /** Keeps printable ASCII, folds line breaks and other controls to one space and any other character to '?'. */
    static String printableAscii(String text, int max) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && b.length() <= max; i++) {
            char ch = text.charAt(i);
            if (ch >= 0x20 && ch < 0x7f) {
                b.append(ch);
            } else if (Character.isWhitespace(ch) || Character.isISOControl(ch)) {
                if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
                    b.append(' ');
                }
            } else if (!Character.isLowSurrogate(ch)) {
                b.append('?');
            }
        }
        String s = b.toString().strip();
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static void put(Map<String, String> attributes, String name, String value) {
        if (value == null) {
            return;
        }
        StringBuilder b = new StringBuilder();
        value.codePoints().filter(SnsPublication::xmlSafe).limit(MAX_ATTRIBUTE).forEach(b::appendCodePoint);
        if (!b.toString().isBlank()) {
            attributes.put(name, b.toString());
        }
    }

    /** SNS attribute values travel in XML: only XML 1.0 characters, no other controls. */
    private static boolean xmlSafe(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF && !(cp >= 0x7F && cp <= 0x9F))
                || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
