package io.firewatch.core.testing;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.sink.DeliveryException;
import io.firewatch.core.sink.Sink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A sink for adapter tests: keeps every alert it takes and the budget of every send, and fails on demand (every
 * send with one exception, or the next few sends). Thread-safe, since the dispatcher runs sinks side by side.
 */
public final class RecordingSink implements Sink {
    public final List<Alert> sent = new CopyOnWriteArrayList<>();
    public final List<Duration> budgets = new CopyOnWriteArrayList<>();
    private volatile DeliveryException always;
    private int failuresLeft;
    private boolean retryable;

    /** Every later send fails with {@code failure}; null makes sends succeed again. */
    public void failWith(DeliveryException failure) {
        this.always = failure;
    }

    /** The next {@code times} sends fail with a retryable or permanent error. */
    public synchronized void failNext(int times, boolean retryableFailure) {
        this.failuresLeft = times;
        this.retryable = retryableFailure;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void send(Alert alert, Duration budget) throws DeliveryException {
        budgets.add(budget);
        DeliveryException failure = always;
        if (failure != null) {
            throw failure;
        }
        synchronized (this) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new DeliveryException("HTTP 503 from the test sink", retryable);
            }
        }
        sent.add(alert);
    }
}
