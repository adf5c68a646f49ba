package io.firewatch.gcp;

/**
 * Thrown to fail an invocation on purpose: the platform answers non-2xx, Pub/Sub redelivers the message and, once the
 * subscription's delivery attempts are spent, moves it to the dead-letter topic. Its message holds ids only.
 */
public final class EventNotAcknowledged extends Exception {
    private static final long serialVersionUID = 1L;

    public EventNotAcknowledged(String message) {
        super(message);
    }
}
