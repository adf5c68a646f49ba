package io.firewatch.core.sink;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.delivery.DeliveryClaims;
import io.firewatch.core.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fans alerts out to every sink: alerts at or above the minimum severity that no allow-list suppressed. Sinks run
 * side by side, each with the whole budget, so a sink that is down and retrying never keeps the others from
 * delivering; an alert id a sink has already taken in this process is not sent to it again (platform retries then
 * only reach the sinks that failed). Build one per process (a function's cold start) so that memory lasts across
 * invocations; it is safe to share between threads. With {@link DeliveryClaims} (a shared claim store) a sink gets
 * an alert once across instances too.
 */
public final class Dispatcher {
    private static final int MAX_REMEMBERED = 10_000;
    /** Time for a sink thread to notice the deadline and return after its budget has run out. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final List<Sink> sinks;
    private final Severity minSeverity;
    private final DeliveryClaims claims;
    private final Map<String, Boolean> delivered = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });

    public Dispatcher(List<Sink> sinks, Severity minSeverity) {
        this(sinks, minSeverity, null);
    }

    /** {@code claims} may be null: repeats are then dropped within this process only. */
    public Dispatcher(List<Sink> sinks, Severity minSeverity, DeliveryClaims claims) {
        this.sinks = List.copyOf(sinks);
        this.minSeverity = minSeverity;
        this.claims = claims;
    }

    public List<Sink> sinks() {
        return sinks;
    }

    /** Primes every sink with a sample alert ({@link Sink#prime}); a sink whose priming fails is left as it is. */
    public void prime(Alert sample) {
        for (Sink sink : sinks) {
            try {
                sink.prime(sample);
            } catch (RuntimeException e) {
                // Priming only saves time: the first real send does the same work.
            }
        }
    }

    public boolean wants(Alert alert) {
        return !alert.suppressed() && alert.severity().atLeast(minSeverity);
    }

    /** Delivers every wanted alert to every sink within {@code budget} in all. */
    public DeliveryReport dispatch(List<Alert> alerts, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<Alert> wanted = new ArrayList<>();
        for (Alert alert : alerts) {
            if (wants(alert)) {
                wanted.add(alert);
            }
        }
        int skipped = alerts.size() - wanted.size();
        if (wanted.isEmpty() || sinks.isEmpty()) {
            return new DeliveryReport(0, skipped, List.of());
        }
        List<SinkRun> runs = new ArrayList<>();
        for (Sink sink : sinks) {
            runs.add(new SinkRun(sink, wanted, deadline));
        }
        if (runs.size() == 1) {
            runs.get(0).run();
        } else {
            runInParallel(runs, deadline);
        }
        int sent = 0;
        List<DeliveryReport.Failure> failures = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            for (SinkRun run : runs) {
                DeliveryReport.Failure f = run.failure(i);
                if (f != null) {
                    failures.add(f);
                } else if (run.sent(i)) {
                    sent++;
                }
            }
        }
        return new DeliveryReport(sent, skipped, failures);
    }

    private static void runInParallel(List<SinkRun> runs, long deadline) {
        ExecutorService pool = Executors.newFixedThreadPool(runs.size(), r -> {
            Thread t = new Thread(r, "firewatch-sink");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SinkRun run : runs) {
                futures.add(pool.submit(run));
            }
            for (int i = 0; i < futures.size(); i++) {
                long wait = Math.max(0, deadline - System.nanoTime()) + GRACE.toNanos();
                try {
                    futures.get(i).get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    futures.get(i).cancel(true);
                    runs.get(i).abandon("did not return within the delivery budget");
                } catch (ExecutionException e) {
                    runs.get(i).abandon("failed: " + e.getCause().getClass().getSimpleName());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    runs.get(i).abandon("interrupted");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One sink's pass over the alerts; results are read after the pass has ended or been abandoned. */
    private final class SinkRun implements Runnable {
        private final Sink sink;
        private final List<Alert> alerts;
        private final long deadline;
        private final DeliveryReport.Failure[] failures;
        private final boolean[] sent;
        private final boolean[] finished;

        SinkRun(Sink sink, List<Alert> alerts, long deadline) {
            this.sink = sink;
            this.alerts = alerts;
            this.deadline = deadline;
            this.failures = new DeliveryReport.Failure[alerts.size()];
            this.sent = new boolean[alerts.size()];
            this.finished = new boolean[alerts.size()];
        }

        @Override
        public void run() {
            for (int i = 0; i < alerts.size(); i++) {
                Alert alert = alerts.get(i);
                String key = sink.name() + '\u0000' + alert.id();
                if (delivered.containsKey(key)) {
                    mark(i, null, false);
                    continue;
                }
                DeliveryClaims.Ticket ticket = null;
                if (claims != null) {
                    ticket = claims.claim(alert.id(), sink.name(), left());
                    if (ticket.decision() == DeliveryClaims.Decision.SKIP) {
                        delivered.put(key, Boolean.TRUE);
                        mark(i, null, false);
                        continue;
                    }
                    if (ticket.decision() == DeliveryClaims.Decision.BUSY) {
                        mark(i, new DeliveryReport.Failure(alert.id(), sink.name(), sink.name()
                                + ": another instance is delivering this alert now; a retry will find its outcome", true), false);
                        continue;
                    }
                }
                try {
                    sink.send(alert, left());
                    delivered.put(key, Boolean.TRUE);
                    mark(i, null, true);
                    if (ticket != null) {
                        claims.complete(ticket, left());
                    }
                } catch (DeliveryException e) {
                    mark(i, new DeliveryReport.Failure(alert.id(), sink.name(), e.getMessage(), e.retryable()), false);
                    release(ticket);
                } catch (RuntimeException e) {
                    mark(i, new DeliveryReport.Failure(alert.id(), sink.name(),
                            sink.name() + ": unexpected " + e.getClass().getSimpleName(), true), false);
                    release(ticket);
                }
            }
        }

        private Duration left() {
            return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        }

        /** A failed send gives the key back, however little budget is left, so the platform's retry delivers. */
        private void release(DeliveryClaims.Ticket ticket) {
            if (ticket != null) {
                claims.release(ticket, left().plus(GRACE));
            }
        }

        private synchronized void mark(int i, DeliveryReport.Failure failure, boolean wasSent) {
            if (!finished[i]) {
                failures[i] = failure;
                sent[i] = wasSent;
                finished[i] = true;
            }
        }

        synchronized DeliveryReport.Failure failure(int i) {
            return failures[i];
        }

        synchronized boolean sent(int i) {
            return sent[i];
        }

        /** Records every alert this sink has not finished as a retryable failure. */
        synchronized void abandon(String why) {
            for (int i = 0; i < alerts.size(); i++) {
                if (!finished[i]) {
                    failures[i] = new DeliveryReport.Failure(alerts.get(i).id(), sink.name(), sink.name() + ": " + why, true);
                    finished[i] = true;
                }
            }
        }
    }
}
