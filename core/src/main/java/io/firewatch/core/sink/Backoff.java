package io.firewatch.core.sink;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Retries a delivery within a time budget: exponential backoff with full jitter (a random wait between zero and
 * {@code base * 2^n}, capped), a server's {@code Retry-After} honoured as given, and never a wait or an attempt that
 * would end after the budget. Shared by every sink so that they all behave the same under throttling.
 */
public final class Backoff {
    /** One try at delivering. Throws {@link Attempt.Failed} for a failure, saying whether a retry may help. */
    @FunctionalInterface
    public interface Attempt {
        void run(Duration remaining) throws Failed;

        /** A failed try. {@code retryAfter} is the wait the server asked for, or null. Messages hold no secret. */
        final class Failed extends Exception {
            private static final long serialVersionUID = 1L;
            private final boolean retryable;
            private final boolean retryNow;
            private final transient Duration retryAfter;

            public Failed(String message, boolean retryable, Duration retryAfter) {
                this(message, retryable, retryable, retryAfter);
            }

            private Failed(String message, boolean retryable, boolean retryNow, Duration retryAfter) {
                super(message, null, false, false);
                this.retryable = retryable;
                this.retryNow = retryNow;
                this.retryAfter = retryAfter;
            }

            /**
             * The server cannot be reached at all (unknown host, connection refused, TLS refused): retrying within
             * seconds would only hide the reason, so the delivery fails at once, still retryable by the platform
             * (a redelivery minutes later may find the host back).
             */
            public static Failed unreachable(String message) {
                return new Failed(message, true, false, null);
            }

            public static Failed retryable(String message) {
                return new Failed(message, true, null);
            }

            public static Failed permanent(String message) {
                return new Failed(message, false, null);
            }

            public boolean retryable() {
                return retryable;
            }

            public Duration retryAfter() {
                return retryAfter;
            }

            /** False when a retry within this delivery cannot help (see {@link #unreachable}). */
            public boolean retryNow() {
                return retryNow;
            }
        }
    }

    /** Sleeps; a seam so tests of the policy need not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** The least time worth starting an attempt with: a network round trip. */
    static final Duration MIN_ATTEMPT = Duration.ofMillis(200);

    private final Duration base;
    private final Duration cap;
    private final int maxAttempts;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    public Backoff(Duration base, Duration cap, int maxAttempts) {
        // Not RandomGenerator.getDefault(): its implementations live in jdk.random, which the Functions Framework's class
        // loader cannot see. Seeded per thread at first use, so no random state is captured in a SnapStart snapshot.
        this(base, cap, maxAttempts, () -> ThreadLocalRandom.current().nextLong(),
                d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    Backoff(Duration base, Duration cap, int maxAttempts, RandomGenerator random, Sleeper sleeper) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap and at least one attempt");
        }
        this.base = base;
        this.cap = cap;
        this.maxAttempts = maxAttempts;
        this.random = random;
        this.sleeper = sleeper;
    }

    /** 500 ms doubling up to 20 s, at most 8 attempts: fits a function's budget and rides out short throttling. */
    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(20), 8);
    }

    /** The jittered wait before retry {@code retry} (1 for the first retry): uniform in [0, min(cap, base*2^(retry-1))]. */
    public Duration delay(int retry) {
        int shift = Math.min(Math.max(retry - 1, 0), 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << shift);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /**
     * Runs {@code attempt} until it succeeds, fails permanently, or the budget or the attempts run out.
     *
     * @param sink the sink's name, prefixed to every message
     * @throws DeliveryException the last failure; retryable unless the last failure was permanent
     */
    public void run(String sink, Duration budget, Attempt attempt) throws DeliveryException {
        long deadline = System.nanoTime() + budget.toNanos();
        String last = null;
        for (int n = 1; ; n++) {
            Duration remaining = remaining(deadline);
            if (remaining.compareTo(MIN_ATTEMPT) < 0) {
                throw new DeliveryException(last == null
                        ? sink + ": no time left in the delivery budget of " + seconds(budget)
                        : last + " (the delivery budget of " + seconds(budget) + " ran out after " + (n - 1)
                                + (n == 2 ? " attempt)" : " attempts)"), true);
            }
            Attempt.Failed failure;
            try {
                attempt.run(remaining);
                return;
            } catch (Attempt.Failed f) {
                failure = f;
            }
            String message = sink + ": " + failure.getMessage();
            last = message;
            if (!failure.retryable()) {
                throw new DeliveryException(message, false);
            }
            if (!failure.retryNow()) {
                throw new DeliveryException(message, true);
            }
            if (n >= maxAttempts) {
                throw new DeliveryException(message + " (gave up after " + n + " attempts)", true);
            }
            Duration wait = failure.retryAfter() != null ? failure.retryAfter() : delay(n);
            if (remaining(deadline).minus(wait).compareTo(MIN_ATTEMPT) < 0) {
                String why = failure.retryAfter() != null
                        ? "the server asked to wait " + seconds(wait) + ", beyond the delivery budget"
                        : "the delivery budget of " + seconds(budget) + " ran out";
                throw new DeliveryException(message + " (" + why + " after " + n + (n == 1 ? " attempt)" : " attempts)"), true);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryException(message + " (interrupted while waiting to retry)", true);
            }
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
