package io.firewatch.core.normalize;

/** Input that could not be read, parsed or recognised. Problems are counted and reported; scanning goes on. */
public record Problem(Origin origin, Kind kind, String message) {

    public enum Kind {
        /** Could not be read: I/O error, corrupt gzip, invalid UTF-8. */
        UNREADABLE,
        /** Not valid JSON: truncated, malformed, too deep or too long. */
        MALFORMED,
        /** Valid JSON of no shape Firewatch knows. */
        UNRECOGNIZED,
        /** A known shape whose content is invalid (wrong field types, bad base64). */
        INVALID
    }

    @Override
    public String toString() {
        return origin + ": " + kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
