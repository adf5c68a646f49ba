package io.firewatch.azure;

import com.fasterxml.jackson.databind.JsonNode;

/** What one read of a resource from Azure Resource Manager gave. */
sealed interface ArmReadResult {

    /** The resource as ARM returned it. */
    record Found(JsonNode resource) implements ArmReadResult {
    }

    /** ARM answered 404: the resource is gone (deleted after the event, or a delete raced the read). */
    record NotFound() implements ArmReadResult {
    }

    /** No answer worth using; {@code why} is a short explanation for the alert's reasons (never a secret). */
    record Failed(String why) implements ArmReadResult {
    }
}
