package io.firewatch.gcp;

import java.util.Map;

/** The ids that name an event in log lines: never its content. */
final class Ids {

    private Ids() {
    }

    /**
     * {@code transport} says how the event came ({@code cloudevent}, {@code pubsub-push}, {@code background-event},
     * {@code http}); {@code messageId} is the Pub/Sub message id (a messagePublished CloudEvent's id is that id).
     */
    static Map<String, Object> of(String transport, String eventId, String eventType, String messageId) {
        return StructuredLog.fields("transport", transport, "eventId", eventId, "eventType", eventType, "messageId", messageId);
    }

    /** The Pub/Sub message id of an event of this type: the event's own id when it is a Pub/Sub message, else none. */
    static String messageId(String eventType, String eventId) {
        return eventType != null && eventType.contains("pubsub") ? eventId : null;
    }
}
