package io.firewatch.gcp;

/** What the function tells the platform about one event. */
enum Verdict {
    /** Done: every wanted alert reached every sink, or the event holds no firewall change. Pub/Sub may drop it. */
    ACKNOWLEDGE,
    /** A sink failed in a way that may pass: Pub/Sub should deliver the event again. */
    REDELIVER,
    /** The event could not be read; redelivery ends in the dead-letter topic, where an operator can look at it. */
    REJECT
}
