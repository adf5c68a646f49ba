package io.firewatch.core.delivery;

import io.firewatch.core.config.ConfigException;
import io.firewatch.core.sink.Backoff;
import io.firewatch.core.sink.DeliveryException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The claim protocol around one send: claim {@code (alert id, sink)}, send, then complete the claim, or release it
 * when the send failed so that the platform's retry delivers. A store that is throttled is retried within the
 * budget; a store that cannot answer is logged and the alert sent anyway (a duplicate beats a loss).
 */
public final class DeliveryClaims {
    /** What the dispatcher should do with one alert for one sink. */
    public enum Decision { SEND, SKIP, BUSY }

    /** A claim in hand, or {@code null} owner when the store failed open. */
    public record Ticket(String key, String owner, Decision decision) {
    }

    /** The setting of how long a delivered alert id is remembered, in hours. */
    public static final String TTL_HOURS = "FIREWATCH_DEDUP_TTL_HOURS";
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_TTL = Duration.ofHours(168);

    private final ClaimStore store;
    private final Duration lease;
    private final Duration ttl;
    private final Clock clock;
    private final Backoff backoff;
    private final Consumer<String> log;

    public DeliveryClaims(ClaimStore store, Duration lease, Duration ttl, Clock clock, Backoff backoff, Consumer<String> log) {
        this.store = store;
        this.lease = lease;
        this.ttl = ttl;
        this.clock = clock;
        this.backoff = backoff;
        this.log = log;
    }

    public static DeliveryClaims of(ClaimStore store, Duration ttl) {
        return new DeliveryClaims(store, DEFAULT_LEASE, ttl, Clock.systemUTC(), Backoff.standard(), System.err::println);
    }

    /** Reads {@value #TTL_HOURS} (default 168). */
    public static Duration ttlHours(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_TTL;
        }
        try {
            long hours = Long.parseLong(value.trim());
            if (hours > 0) {
                return Duration.ofHours(hours);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(TTL_HOURS + " must be a positive number of hours");
    }

    public Ticket claim(String alertId, String sink, Duration budget) {
        String key = alertId + '#' + sink;
        String owner = UUID.randomUUID().toString();
        ClaimStore.Outcome[] outcome = new ClaimStore.Outcome[1];
        boolean answered = call("claim", key, budget, () -> {
            Instant now = clock.instant();
            outcome[0] = store.claim(key, owner, now, now.plus(lease), now.plus(ttl));
        });
        if (!answered) {
            return new Ticket(key, null, Decision.SEND);
        }
        return switch (outcome[0]) {
            case TAKEN -> new Ticket(key, owner, Decision.SEND);
            case DONE -> new Ticket(key, owner, Decision.SKIP);
            case BUSY -> new Ticket(key, owner, Decision.BUSY);
        };
    }

    public void complete(Ticket ticket, Duration budget) {
        if (ticket.owner() != null) {
            call("complete", ticket.key(), budget, () -> store.complete(ticket.key(), ticket.owner(), clock.instant().plus(ttl)));
        }
    }

    public void release(Ticket ticket, Duration budget) {
        if (ticket.owner() != null) {
            call("release", ticket.key(), budget, () -> store.release(ticket.key(), ticket.owner()));
        }
    }

    private interface StoreCall {
        void run() throws ClaimStoreException;
    }

    /** Runs one store call, retrying throttling within the budget; false (and a log line) when the store failed. */
    private boolean call(String what, String key, Duration budget, StoreCall call) {
        try {
            backoff.run("delivery claim store", budget, remaining -> {
                try {
                    call.run();
                } catch (ClaimStoreException e) {
                    throw new Backoff.Attempt.Failed(e.getMessage(), e.throttled(), null);
                }
            });
            return true;
        } catch (DeliveryException e) {
            log.accept("firewatch: delivery claim " + what + " failed for " + printable(key)
                    + ", delivering without it (a duplicate beats a loss): " + printable(e.getMessage()));
            return false;
        } catch (RuntimeException e) {
            log.accept("firewatch: delivery claim " + what + " failed for " + printable(key)
                    + ", delivering without it (a duplicate beats a loss): unexpected " + e.getClass().getSimpleName());
            return false;
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 300));
        for (int i = 0; i < s.length() && i < 300; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return b.toString();
    }
}
