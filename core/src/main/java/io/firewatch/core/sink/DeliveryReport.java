package io.firewatch.core.sink;

import java.util.List;

/** What a {@link Dispatcher} run delivered and what it could not. */
public record DeliveryReport(int delivered, int skipped, List<Failure> failures) {

    /** One alert that one sink could not take. */
    public record Failure(String alertId, String sink, String message, boolean retryable) {
    }

    public DeliveryReport {
        failures = List.copyOf(failures);
    }

    public boolean ok() {
        return failures.isEmpty();
    }

    /** True when some failure may succeed on a later attempt (the function should fail the invocation). */
    public boolean retryable() {
        return failures.stream().anyMatch(Failure::retryable);
    }
}
