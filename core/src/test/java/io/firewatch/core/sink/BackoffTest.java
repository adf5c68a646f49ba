package io.firewatch.core.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final List<Duration> slept = new ArrayList<>();
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 5,
            new SplittableRandom(42), slept::add);

    @Test
    void fullJitterStaysUnderTheDoublingCeiling() {
        for (int retry = 1; retry <= 8; retry++) {
            long ceiling = Math.min(1000, 100L << (retry - 1));
            for (int i = 0; i < 200; i++) {
                assertThat(backoff.delay(retry).toMillis()).isBetween(0L, ceiling);
            }
        }
        assertThat(new java.util.HashSet<>(List.of(backoff.delay(4), backoff.delay(4), backoff.delay(4), backoff.delay(4))))
                .as("jittered, not fixed").hasSizeGreaterThan(1);
    }

    @Test
    void retriesTransientFailuresAndStopsAtTheAttemptLimit() {
        int[] calls = {0};
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> backoff.run("x", Duration.ofMinutes(1), r -> {
            calls[0]++;
            throw Backoff.Attempt.Failed.retryable("HTTP 503");
        }));
        assertThat(calls[0]).isEqualTo(5);
        assertThat(slept).hasSize(4);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("x: HTTP 503 (gave up after 5 attempts)");
    }

    @Test
    void permanentFailuresAreNotRetried() {
        int[] calls = {0};
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> backoff.run("x", Duration.ofMinutes(1), r -> {
            calls[0]++;
            throw Backoff.Attempt.Failed.permanent("HTTP 400");
        }));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void anUnreachableServerIsNotRetriedNowButStaysRetryableForThePlatform() {
        int[] calls = {0};
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> backoff.run("x", Duration.ofMinutes(1), r -> {
            calls[0]++;
            throw Backoff.Attempt.Failed.unreachable("cannot reach h:1: connection refused");
        }));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("x: cannot reach h:1: connection refused");
    }

    @Test
    void honoursRetryAfterAndSucceeds() throws Exception {
        int[] calls = {0};
        backoff.run("x", Duration.ofMinutes(1), r -> {
            if (calls[0]++ == 0) {
                throw new Backoff.Attempt.Failed("HTTP 429", true, Duration.ofSeconds(7));
            }
        });
        assertThat(calls[0]).isEqualTo(2);
        assertThat(slept).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void eachAttemptIsGivenOnlyWhatIsLeftOfTheBudget() throws Exception {
        List<Duration> given = new ArrayList<>();
        backoff.run("x", Duration.ofSeconds(3), given::add);
        assertThat(given).hasSize(1);
        assertThat(given.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(3)).isGreaterThan(Duration.ofMillis(2500));
    }

    @Test
    void noBudgetMeansNoAttempt() {
        int[] calls = {0};
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> backoff.run("x", Duration.ofMillis(10), r -> calls[0]++));
        assertThat(calls[0]).isZero();
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aBudgetThatRunsOutKeepsTheLastFailure() {
        Backoff realTime = new Backoff(Duration.ofMillis(100), Duration.ofMillis(100), 10, new SplittableRandom(1),
                d -> Thread.sleep(d.toMillis() + 150));
        DeliveryException e = catchThrowableOfType(DeliveryException.class, () -> realTime.run("x", Duration.ofMillis(450), r -> {
            throw Backoff.Attempt.Failed.retryable("connection refused");
        }));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).startsWith("x: connection refused (").contains("ran out after");
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        assertThat(RetryAfter.parse("30", clock)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 10:00:45 GMT", clock)).isEqualTo(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse("Tue, 01 Dec 2026 09:00:00 GMT", clock)).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("soon", clock)).isNull();
        assertThat(RetryAfter.parse(null, clock)).isNull();
        assertThat(RetryAfter.parse("99999999999", clock)).isEqualTo(Duration.ofHours(1));
    }
}
