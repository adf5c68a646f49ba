package io.firewatch.azure;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.sink.DeliveryException;
import io.firewatch.core.sink.Sink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it was sent, and can be told to fail the next sends. */
final class RecordingSink implements Sink {
    final List<Alert> sent = new CopyOnWriteArrayList<>();
    private volatile int failuresLeft;
    private volatile boolean retryable;

    void failNext(int times, boolean retryableFailure) {
        this.failuresLeft = times;
        this.retryable = retryableFailure;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void send(Alert alert, Duration budget) throws DeliveryException {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new DeliveryException("HTTP 503 from the test sink", retryable);
        }
        sent.add(alert);
    }
}
