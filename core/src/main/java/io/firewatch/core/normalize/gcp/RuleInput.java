package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.catalog.Operation;
import io.firewatch.core.model.Action;

/**
 * What a rule parser reads from one audit-log entry.
 *
 * @param request       {@code protoPayload.request} (missing node when absent)
 * @param originalState {@code protoPayload.resourceOriginalState}: the prior state, logged for patches
 * @param action        the catalogue's action, before any refinement
 * @param resourceName  {@code protoPayload.resourceName}, or null
 */
record RuleInput(Operation operation, String methodName, JsonNode request, JsonNode originalState, Action action,
                 String resourceName) {

    boolean hasOriginalState() {
        return originalState != null && originalState.isObject() && !originalState.isEmpty();
    }

    /** The method's verb: {@code patch} of {@code v1.compute.firewalls.patch}. */
    String verb() {
        int dot = methodName.lastIndexOf('.');
        return dot < 0 ? methodName : methodName.substring(dot + 1);
    }
}
