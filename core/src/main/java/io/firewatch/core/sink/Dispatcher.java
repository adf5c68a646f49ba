package io.firewatch.core.sink;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fans alerts out to every sink: alerts at or above the minimum severity that no allow-list suppressed. A failing
 * sink never keeps the others from delivering; an alert id a sink has already taken in this process is not sent to
 * it again (platform retries then only reach the sinks that failed).
 */
public final class Dispatcher {
    private static final int MAX_REMEMBERED = 10_000;

    private final List<Sink> sinks;
    private final Severity minSeverity;
    private final Map<String, Set<String>> delivered = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });

    public Dispatcher(List<Sink> sinks, Severity minSeverity) {
        this.sinks = List.copyOf(sinks);
        this.minSeverity = minSeverity;
    }

    public List<Sink> sinks() {
        return sinks;
    }

    public boolean wants(Alert alert) {
        return !alert.suppressed() && alert.severity().atLeast(minSeverity);
    }

    /** Delivers every wanted alert to every sink within {@code budget} in all. */
    public DeliveryReport dispatch(List<Alert> alerts, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        int skipped = 0;
        List<DeliveryReport.Failure> failures = new ArrayList<>();
        for (Alert alert : alerts) {
            if (!wants(alert)) {
                skipped++;
                continue;
            }
            for (Sink sink : sinks) {
                Set<String> done = delivered.computeIfAbsent(alert.id(), k -> Collections.synchronizedSet(new java.util.HashSet<>()));
                if (done.contains(sink.name())) {
                    continue;
                }
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                try {
                    sink.send(alert, left);
                    done.add(sink.name());
                    sent++;
                } catch (DeliveryException e) {
                    failures.add(new DeliveryReport.Failure(alert.id(), sink.name(), e.getMessage(), e.retryable()));
                } catch (RuntimeException e) {
                    failures.add(new DeliveryReport.Failure(alert.id(), sink.name(), e.getClass().getSimpleName() + ": " + e.getMessage(), true));
                }
            }
        }
        return new DeliveryReport(sent, skipped, failures);
    }
}
