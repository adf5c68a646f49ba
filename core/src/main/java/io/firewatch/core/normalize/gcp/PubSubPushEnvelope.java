package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;

/**
 * A Pub/Sub push delivery, {@code {"message":{"data":"<base64>","messageId":...},"subscription":...}}; the same shape
 * is the {@code data} (MessagePublishedData) of an Eventarc {@code messagePublished} CloudEvent.
 */
final class PubSubPushEnvelope implements Normalizer {

    @Override
    public boolean recognizes(JsonNode document) {
        JsonNode message = document.get("message");
        return message != null && message.isObject()
                && (message.has("messageId") || message.has("message_id"))
                && !document.has("specversion");
    }

    @Override
    public void normalize(JsonNode document, Origin origin, Sink out) {
        PubSubData.forwardMessage(document.get("message"), origin, out);
    }
}
