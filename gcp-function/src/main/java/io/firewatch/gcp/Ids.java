package io.firewatch.gcp;

import java.util.Map;

/** The ids that name an event in log lines: never its content. */
final class Ids {
    static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

    private Ids() {
    }

    /**
     * {@code messageId} is the Pub/Sub message id; a messagePublished CloudEvent's id is that id (Eventarc and the
     * Functions Framework's push conversion alike).
     */
    static Map<String, Object> of(String eventId, String eventType, String messageId) {
        return StructuredLog.fields("eventId", eventId, "eventType", eventType, "messageId", messageId);
    }
}
