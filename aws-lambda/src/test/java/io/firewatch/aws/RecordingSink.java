package io.firewatch.aws;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.sink.DeliveryException;
import io.firewatch.core.sink.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps what it is sent; fails every send when given a failure to throw. */
final class RecordingSink implements Sink {
    final List<Alert> alerts = new ArrayList<>();
    final List<Duration> budgets = new ArrayList<>();
    private final DeliveryException failure;

    RecordingSink() {
        this(null);
    }

    RecordingSink(DeliveryException failure) {
        this.failure = failure;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public void send(Alert alert, Duration budget) throws DeliveryException {
        budgets.add(budget);
        if (failure != null) {
            throw failure;
        }
        alerts.add(alert);
    }
}
