package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;

/**
 * A bare Pub/Sub message: {@code {"data":"<base64>","attributes":{...},"messageId":...}}, as a pull subscriber or a
 * gen1 background function ({@code "@type":"type.googleapis.com/google.pubsub.v1.PubsubMessage"}) receives it.
 */
final class PubSubMessage implements Normalizer {
    static final String TYPE = "type.googleapis.com/google.pubsub.v1.PubsubMessage";

    @Override
    public boolean recognizes(JsonNode document) {
        JsonNode data = document.get("data");
        if (data == null || !data.isTextual() || document.has("specversion") || document.has("eventType")) {
            return false;
        }
        JsonNode type = document.get("@type");
        JsonNode attributes = document.get("attributes");
        return document.has("messageId") || document.has("message_id")
                || attributes != null && attributes.isObject()
                || type != null && TYPE.equals(type.asText());
    }

    @Override
    public void normalize(JsonNode document, Origin origin, Sink out) {
        PubSubData.forwardMessage(document, origin, out);
    }
}
