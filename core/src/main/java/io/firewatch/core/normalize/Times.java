package io.firewatch.core.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** Event times in the forms providers and log pipelines write them; always UTC. */
public final class Times {
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]");

    private Times() {
    }

    /**
     * Parses ISO-8601 with any fraction and offset, a zone-less ISO local time (taken as UTC) and the data-lake form
     * {@code 2021-01-24 04:55:45.000}. Returns null for anything else. Precision is cut to milliseconds.
     */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException ignored) {
            // try the zone-less forms below
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException ignored) {
            // try the spaced form below
        }
        try {
            return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first of the named fields that holds a readable time; null when none does. */
    public static Instant first(JsonNode event, String... fields) {
        for (String f : fields) {
            Instant t = parse(Json.text(event, f));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * Reports an event whose time cannot be read (missing, not text, no known form). The change is still emitted: the
     * scan gives its alert the time of the scan, with a reason saying so.
     */
    public static void reportUnreadable(JsonNode event, String field, Origin origin, Normalizer.Sink out) {
        JsonNode v = Json.field(event, field);
        String what = v.isMissingNode() ? "is missing"
                : v.isTextual() ? "is not a time ('" + clip(v.asText()) + "')" : "is not a text value";
        out.problem(new Problem(origin, Problem.Kind.INVALID, field + " " + what
                + "; the alert carries the time of the scan instead"));
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
