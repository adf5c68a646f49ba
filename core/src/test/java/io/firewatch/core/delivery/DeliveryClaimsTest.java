package io.firewatch.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.firewatch.core.alert.Alert;
import io.firewatch.core.model.Severity;
import io.firewatch.core.render.TestAlerts;
import io.firewatch.core.sink.Backoff;
import io.firewatch.core.sink.DeliveryReport;
import io.firewatch.core.sink.Dispatcher;
import io.firewatch.core.testing.RecordingSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The claim protocol in the dispatcher, against a store that keeps claims in a map as the cloud stores do. */
class DeliveryClaimsTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);

    /** Conditional writes on a map, the semantics each cloud's store implements. */
    static final class MapStore implements ClaimStore {
        record Row(String owner, boolean done, Instant leaseUntil) {
        }

        final Map<String, Row> rows = new ConcurrentHashMap<>();
        volatile ClaimStoreException down;

        @Override
        public synchronized Outcome claim(String key, String owner, Instant now, Instant leaseUntil, Instant expiresAt)
                throws ClaimStoreException {
            if (down != null) {
                throw down;
            }
            Row row = rows.get(key);
            if (row != null && row.done()) {
                return Outcome.DONE;
            }
            if (row != null && row.leaseUntil().isAfter(now)) {
                return Outcome.BUSY;
            }
            rows.put(key, new Row(owner, false, leaseUntil));
            return Outcome.TAKEN;
        }

        @Override
        public synchronized void complete(String key, String owner, Instant expiresAt) throws ClaimStoreException {
            if (down != null) {
                throw down;
            }
            rows.computeIfPresent(key, (k, r) -> r.owner().equals(owner) ? new Row(owner, true, r.leaseUntil()) : r);
        }

        @Override
        public synchronized void release(String key, String owner) throws ClaimStoreException {
            if (down != null) {
                throw down;
            }
            rows.computeIfPresent(key, (k, r) -> r.owner().equals(owner) && !r.done() ? null : r);
        }
    }

    private final MapStore store = new MapStore();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Instant now = Instant.parse("2026-12-05T01:00:00Z");

    private DeliveryClaims claims() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new DeliveryClaims(store, Duration.ofMinutes(5), Duration.ofHours(168), clock,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 3), log::add);
    }

    @Test
    void twoInstancesSharingTheStoreDeliverOnce() {
        RecordingSink first = new RecordingSink();
        RecordingSink second = new RecordingSink();
        Alert alert = TestAlerts.sshOpenToWorld("evt-twice");

        DeliveryReport a = new Dispatcher(List.of(first), Severity.INFO, claims()).dispatch(List.of(alert), BUDGET);
        DeliveryReport b = new Dispatcher(List.of(second), Severity.INFO, claims()).dispatch(List.of(alert), BUDGET);

        assertThat(first.sent).hasSize(1);
        assertThat(second.sent).isEmpty();
        assertThat(a.failures()).isEmpty();
        assertThat(b.failures()).isEmpty();
        assertThat(store.rows.get(alert.id() + "#recording").done()).isTrue();
    }

    @Test
    void aFailedSendReleasesTheClaimSoTheRetryDelivers() {
        RecordingSink sink = new RecordingSink();
        sink.failNext(1, true);
        Alert alert = TestAlerts.sshOpenToWorld("evt-retry");

        DeliveryReport failed = new Dispatcher(List.of(sink), Severity.INFO, claims()).dispatch(List.of(alert), BUDGET);
        assertThat(failed.failures()).hasSize(1);
        assertThat(store.rows).doesNotContainKey(alert.id() + "#recording");

        new Dispatcher(List.of(sink), Severity.INFO, claims()).dispatch(List.of(alert), BUDGET);
        assertThat(sink.sent).hasSize(1);
    }

    @Test
    void aLiveClaimIsRetriedLaterAndAnExpiredOneIsTakenOver() {
        Alert alert = TestAlerts.sshOpenToWorld("evt-crash");
        store.rows.put(alert.id() + "#recording", new MapStore.Row("crashed-instance", false, now.plus(Duration.ofMinutes(5))));
        RecordingSink sink = new RecordingSink();

        DeliveryReport busy = new Dispatcher(List.of(sink), Severity.INFO, claims()).dispatch(List.of(alert), BUDGET);
        assertThat(sink.sent).isEmpty();
        assertThat(busy.failures()).singleElement().satisfies(f -> assertThat(f.retryable()).isTrue());

        now = now.plus(Duration.ofMinutes(6));
        new Dispatcher(List.of(sink), Severity.INFO, claims()).dispatch(List.of(alert), BUDGET);
        assertThat(sink.sent).hasSize(1);
    }

    @Test
    void aStoreThatFailsIsLoggedAndTheAlertStillDelivered() {
        store.down = new ClaimStoreException("connection refused", false);
        RecordingSink sink = new RecordingSink();

        Alert alert = TestAlerts.sshOpenToWorld("evt-down");
        DeliveryReport report = new Dispatcher(List.of(sink), Severity.INFO, claims()).dispatch(List.of(alert), BUDGET);

        assertThat(sink.sent).hasSize(1);
        assertThat(report.failures()).isEmpty();
        assertThat(log).anySatisfy(line -> assertThat(line).contains(alert.id() + "#recording", "connection refused",
                "delivering without it"));
    }

    @Test
    void aThrottledStoreIsRetriedWithinTheBudget() {
        RecordingSink sink = new RecordingSink();
        ClaimStore throttledOnce = new ClaimStore() {
            private boolean throttled;

            @Override
            public Outcome claim(String key, String owner, Instant n, Instant lease, Instant exp) throws ClaimStoreException {
                if (!throttled) {
                    throttled = true;
                    throw new ClaimStoreException("ThrottlingException", true);
                }
                return store.claim(key, owner, n, lease, exp);
            }

            @Override
            public void complete(String key, String owner, Instant exp) throws ClaimStoreException {
                store.complete(key, owner, exp);
            }

            @Override
            public void release(String key, String owner) throws ClaimStoreException {
                store.release(key, owner);
            }
        };
        DeliveryClaims claims = new DeliveryClaims(throttledOnce, Duration.ofMinutes(5), Duration.ofHours(1),
                Clock.systemUTC(), new Backoff(Duration.ofMillis(1), Duration.ofMillis(5), 3), log::add);

        Alert alert = TestAlerts.sshOpenToWorld("evt-slow");
        new Dispatcher(List.of(sink), Severity.INFO, claims).dispatch(List.of(alert), BUDGET);

        assertThat(sink.sent).hasSize(1);
        assertThat(log).isEmpty();
        assertThat(store.rows.get(alert.id() + "#recording").done()).isTrue();
    }
}
