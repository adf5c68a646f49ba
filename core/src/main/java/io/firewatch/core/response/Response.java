package io.firewatch.core.response;

import java.util.Locale;

/**
 * The {@code response} field of an alert (CONTRACT §2, §6): what Firewatch did, or would do, about the change.
 *
 * @param action {@code revoke-rule}, {@code delete-rule}, {@code delete-entry}, {@code disable-rule} or {@code none}
 * @param detail plain words: what was or would be done, or why not
 */
public record Response(ResponseMode mode, String action, Status status, String detail) {
    public static final String NONE = "none";

    /** Where the response stands. */
    public enum Status {
        PLANNED, DONE, FAILED, SKIPPED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Response {
        if (mode == null || mode == ResponseMode.OFF || action == null || status == null || detail == null) {
            throw new IllegalArgumentException("a response needs an active mode, an action, a status and a detail");
        }
    }

    static Response none(ResponseMode mode, String why) {
        return new Response(mode, NONE, Status.SKIPPED, why);
    }

    public boolean planned() {
        return status == Status.PLANNED;
    }
}
