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
}
