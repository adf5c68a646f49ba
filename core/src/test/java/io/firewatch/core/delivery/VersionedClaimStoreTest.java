package io.firewatch.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firewatch.core.delivery.ClaimStore.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim protocol on an in-memory versioned store, with a hook that lets "another instance" write between calls. */
class VersionedClaimStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private static final Instant LEASE = NOW.plusSeconds(300);
    private static final Instant EXPIRES = NOW.plusSeconds(3600);

    /** Records by key with a counter as version; {@code beforeWrite} runs before each conditional write. */
    static final class MemoryStore extends VersionedClaimStore {
        final Map<String, Claim> records = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        Runnable beforeWrite = () -> { };
        Runnable beforeRead = () -> { };
        private int version;

        @Override
        protected Written create(Claim claim) {
            calls.add("create");
            beforeWrite.run();
            if (records.containsKey(claim.key())) {
                return Written.as(Result.EXISTS);
            }
            return put(claim);
        }

        @Override
        protected Claim read(String key) {
            calls.add("read");
            beforeRead.run();
            return records.get(key);
        }

        @Override
        protected Written replace(Claim claim, String expected) {
            calls.add("replace");
            beforeWrite.run();
            Claim held = records.get(claim.key());
            if (held == null) {
                return Written.as(Result.GONE);
            }
            return held.version().equals(expected) ? put(claim) : Written.as(Result.CHANGED);
        }

        @Override
        protected Written delete(String key, String expected) {
            calls.add("delete");
            beforeWrite.run();
            Claim held = records.get(key);
            if (held == null) {
                return Written.as(Result.GONE);
            }
            if (!held.version().equals(expected)) {
                return Written.as(Result.CHANGED);
            }
            records.remove(key);
            return Written.as(Result.WRITTEN);
        }

        @Override
        protected String describe() {
            return "memory";
        }

        /** Another instance's write: a new version of the record. */
        void overwrite(String key, String state, String owner, Instant leaseUntil) {
            put(new Claim(key, state, owner, leaseUntil, EXPIRES, null));
        }

        private Written put(Claim claim) {
            String v = Integer.toString(++version);
            records.put(claim.key(), new Claim(claim.key(), claim.state(), claim.owner(), claim.leaseUntil(), claim.expiresAt(), v));
            return new Written(Result.WRITTEN, v);
        }
    }

    private final MemoryStore store = new MemoryStore();

    @Test
    void aClaimIsCreatedThenCompletedOnTheVersionItWroteWithoutReadingIt() throws Exception {
        assertThat(store.claim("k", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
        store.complete("k", "a", EXPIRES.plusSeconds(1));

        assertThat(store.calls).containsExactly("create", "replace");
        assertThat(store.records.get("k").state()).isEqualTo(VersionedClaimStore.DONE);
        assertThat(store.records.get("k").expiresAt()).isEqualTo(EXPIRES.plusSeconds(1));
    }

    @Test
    void whenOthersWinEveryRaceTheKeyIsBusyAfterFourAttempts() throws Exception {
        store.overwrite("k", VersionedClaimStore.PENDING, "dead", NOW.minusSeconds(1));
        // Each time this instance tries to take the expired lease over, another instance has just written a new one.
        store.beforeWrite = () -> store.records.computeIfPresent("k", (key, c) ->
                new VersionedClaimStore.Claim(key, c.state(), c.owner(), c.leaseUntil(), c.expiresAt(), c.version() + "'"));

        assertThat(store.claim("k", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.BUSY);
        assertThat(store.calls.stream().filter("replace"::equals)).hasSize(4);
    }

    @Test
    void aRecordGoneBetweenTheRefusalAndTheReadIsCreatedAgain() throws Exception {
        store.overwrite("k", VersionedClaimStore.DONE, "other", LEASE);
        // The done record expires away (a TTL deletion) after the create was refused and before the read.
        store.beforeRead = () -> {
            store.records.clear();
            store.beforeRead = () -> { };
        };
        assertThat(store.claim("k", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
        assertThat(store.calls).containsExactly("create", "read", "create");
        assertThat(store.records.get("k").owner()).isEqualTo("a");
    }

    @Test
    void anExpiredOrUnknownStateCountsAsAbsentAndIsTakenOver() throws Exception {
        store.records.put("k", new VersionedClaimStore.Claim("k", VersionedClaimStore.DONE, "old", LEASE, NOW.minusSeconds(1), "v1"));
        store.records.put("j", new VersionedClaimStore.Claim("j", "garbled", "old", LEASE, EXPIRES, "v2"));

        assertThat(store.claim("k", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
        assertThat(store.claim("j", "a", NOW, LEASE, EXPIRES)).isEqualTo(Outcome.TAKEN);
    }

    @Test
    void completingAClaimChangedByATakeoverLeavesTheNewOwnersClaimAlone() throws Exception {
        store.claim("k", "a", NOW, LEASE, EXPIRES);
        store.overwrite("k", VersionedClaimStore.PENDING, "b", LEASE.plusSeconds(300));

        store.complete("k", "a", EXPIRES);
        store.release("k", "a");

        assertThat(store.records.get("k").owner()).isEqualTo("b");
        assertThat(store.records.get("k").state()).isEqualTo(VersionedClaimStore.PENDING);
    }

    @Test
    void aClaimThatKeepsChangingUnderItsOwnerIsReportedNotAssumedDone() throws Exception {
        store.claim("k", "a", NOW, LEASE, EXPIRES);
        // Something rewrites the record (same owner) before every write: completing can never land.
        store.beforeWrite = () -> store.overwrite("k", VersionedClaimStore.PENDING, "a", LEASE);

        assertThatThrownBy(() -> store.complete("k", "a", EXPIRES)).isInstanceOf(ClaimStoreException.class)
                .hasMessage("the claim in memory kept changing while it was completed");
        assertThatThrownBy(() -> store.release("k", "a")).isInstanceOf(ClaimStoreException.class)
                .hasMessage("the claim in memory kept changing while it was released");
    }

    @Test
    void keysAreHashedForRecordNamesAndShortenedForReading() {
        assertThat(VersionedClaimStore.hashed("gcp:op/1#teams")).matches("[0-9a-f]{64}")
                .isNotEqualTo(VersionedClaimStore.hashed("gcp:op/1#email"));
        String emoji = "\uD83D\uDD25";
        String longKey = "x".repeat(1023) + emoji + "tail";
        assertThat(VersionedClaimStore.readable(longKey)).isEqualTo("x".repeat(1023) + "…");
        assertThat(VersionedClaimStore.readable("short#teams")).isEqualTo("short#teams");
    }
}
