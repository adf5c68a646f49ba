package io.firewatch.core.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes attacker-controlled event text safe to show to a person: one line, no control or direction-override
 * characters, visibly truncated, and (for channels that turn text into links) URLs defanged.
 */
public final class Text {
    /** Appended to every value cut short, so a reader knows there is more in the alert JSON. */
    public static final String TRUNCATED = "… (truncated)";

    private static final Pattern SCHEME = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]{0,30}):(//)");
    private static final Pattern HTTP = Pattern.compile("(?i)\\bhtt(ps?)(?=\\[:\\]//)");
    private static final Pattern WWW = Pattern.compile("(?i)\\bwww\\.");
    private static final Pattern MAILTO = Pattern.compile("(?i)\\bmailto:");

    private Text() {
    }

    /**
     * One line of display text: line breaks, tabs and other control characters become spaces; bidirectional
     * overrides and other invisible format characters become U+FFFD, so nothing can reorder or hide what is shown.
     */
    public static String oneLine(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else if (Character.getType(c) == Character.FORMAT || c == '\u061c') {
                b.append('\ufffd');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Cuts {@code value} to at most {@code max} characters plus the visible truncation marker. */
    public static String truncate(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = Math.max(0, max);
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + TRUNCATED;
    }

    /** {@link #oneLine} then {@link #truncate}. */
    public static String field(String value, int max) {
        return value == null ? null : truncate(oneLine(value), max);
    }

    /**
     * Defangs links in event text the way security tools do ({@code hxxps[:]//host}, {@code www[.]}), so chat and
     * mail clients do not turn an attacker's text into a clickable link; the text stays readable.
     */
    public static String defang(String value) {
        if (value == null) {
            return null;
        }
        String v = SCHEME.matcher(value).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "[:]//"));
        v = HTTP.matcher(v).replaceAll("hxx$1");
        v = WWW.matcher(v).replaceAll("www[.]");
        return MAILTO.matcher(v).replaceAll("mailto[:]");
    }
}
