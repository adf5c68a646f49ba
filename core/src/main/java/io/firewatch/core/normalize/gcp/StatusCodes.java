package io.firewatch.core.normalize.gcp;

import java.util.List;

/** The canonical names of google.rpc.Code, which {@code protoPayload.status.code} carries as a number. */
final class StatusCodes {
    private static final List<String> NAMES = List.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
            "UNAUTHENTICATED");

    private StatusCodes() {
    }

    /** {@code PERMISSION_DENIED} for 7; the number itself when it is not a canonical code. */
    static String name(int code) {
        return code >= 0 && code < NAMES.size() ? NAMES.get(code) : Integer.toString(code);
    }
}
