package io.firewatch.core.response;

/** The last segment of an Azure resource id, for short details. */
final class ArmNames {
    private ArmNames() {
    }

    static String last(String id) {
        if (id == null) {
            return "?";
        }
        String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
