package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Request and response bodies as the Activity Log carries them: usually a JSON document serialized into a string,
 * sometimes already an object, and sometimes cut short by the log pipeline.
 */
final class Bodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A body value read from a record. */
    record Body(JsonNode node, boolean unreadable) {
        static final Body ABSENT = new Body(MissingNode.getInstance(), false);

        boolean present() {
            return node.isObject();
        }
    }

    private Bodies() {
    }

    /**
     * Reads a body field's value: an object as is, a string parsed as JSON; blank and null are absent; anything else
     * (text that is no JSON object, a number, an array) is unreadable.
     */
    static Body read(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return Body.ABSENT;
        }
        if (value.isObject()) {
            return new Body(value, false);
        }
        if (!value.isTextual()) {
            return new Body(MissingNode.getInstance(), true);
        }
        if (value.asText().isBlank()) {
            return Body.ABSENT;
        }
        try {
            JsonNode parsed = MAPPER.readTree(value.asText());
            return parsed != null && parsed.isObject() ? new Body(parsed, false) : new Body(MissingNode.getInstance(), true);
        } catch (JsonProcessingException e) {
            return new Body(MissingNode.getInstance(), true);
        }
    }
}
