package io.firewatch.core.sink;

import io.firewatch.core.alert.Alert;
import java.time.Duration;

/** A channel alerts are delivered to (Teams, email, SNS). Implementations retry transient failures themselves. */
public interface Sink {
    /** Short name for logs and reports: {@code teams}, {@code email}, {@code sns}. */
    String name();

    /** Where this sink delivers, in words safe to print (no secret): a host, addresses, a topic. */
    default String destination() {
        return name();
    }

    /**
     * Delivers one alert, retrying transient failures within {@code budget}.
     *
     * @throws DeliveryException when the alert could not be delivered; its message never contains a secret
     */
    void send(Alert alert, Duration budget) throws DeliveryException;

    /**
     * Does what a send of {@code sample} needs short of the network (rendering, building the request or message,
     * constructing the client) at initialisation, so the first real send is fast. Never connects, never sends, never
     * fetches credentials; failures are ignored by the caller.
     */
    default void prime(Alert sample) {
    }
}
