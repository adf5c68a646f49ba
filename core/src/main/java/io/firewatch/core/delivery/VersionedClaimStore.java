package io.firewatch.core.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claim protocol over a store that gives each record a version (an ETag, an update time) and writes only on a
 * condition: create if absent, replace or delete if the version is still the one read. Table Storage and Firestore
 * are such stores; a subclass supplies the four calls. The version of each claim this instance wrote is kept, so
 * completing or releasing it takes one call. A record past its expiry counts as absent and is overwritten, since a
 * store's own expiry (a TTL policy, or none at all) may lag.
 */
public abstract class VersionedClaimStore implements ClaimStore {
    public static final String PENDING = "pending";
    public static final String DONE = "done";

    private static final int ATTEMPTS = 4;
    private static final int MAX_HELD = 1_000;
    private static final int MAX_READABLE_KEY = 1024;

    /** A claim as written or read; {@code version} is null before it is written. */
    public record Claim(String key, String state, String owner, Instant leaseUntil, Instant expiresAt, String version) {
        boolean live(Instant now) {
            return expiresAt.isAfter(now) && (DONE.equals(state) || PENDING.equals(state));
        }

        Claim as(String newState, Instant newExpiry) {
            return new Claim(key, newState, owner, leaseUntil, newExpiry, null);
        }
    }

    /** What a conditional write did. */
    public enum Result {
        WRITTEN,
        /** A create found the record there. */
        EXISTS,
        /** A replace or delete found another version. */
        CHANGED,
        /** A replace or delete found no record. */
        GONE
    }

    /** A conditional write's result and, when written, the record's new version (null if the store gave none). */
    public record Written(Result result, String version) {
        public static Written as(Result result) {
            return new Written(result, null);
        }
    }

    /** Claims this instance holds, by key and owner: the version it wrote last. Bounded: an abandoned send leaves one. */
    private final Map<String, Claim> ours = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Claim> eldest) {
            return size() > MAX_HELD;
        }
    };

    /** Creates the record of {@code claim.key()} if there is none: WRITTEN or EXISTS. */
    protected abstract Written create(Claim claim) throws ClaimStoreException;

    /** The record of {@code key}, or null when there is none. */
    protected abstract Claim read(String key) throws ClaimStoreException;

    /** Replaces the record if its version is still {@code version}: WRITTEN, CHANGED or GONE. */
    protected abstract Written replace(Claim claim, String version) throws ClaimStoreException;

    /** Deletes the record if its version is still {@code version}: WRITTEN, CHANGED or GONE. */
    protected abstract Written delete(String key, String version) throws ClaimStoreException;

    /** The store in words for error messages, e.g. {@code Firestore collection claims}. */
    protected abstract String describe();

    @Override
    public final Outcome claim(String key, String owner, Instant now, Instant leaseUntil, Instant expiresAt)
            throws ClaimStoreException {
        Claim claim = new Claim(key, PENDING, owner, leaseUntil, expiresAt, null);
        for (int i = 0; i < ATTEMPTS; i++) {
            Written created = create(claim);
            if (created.result() == Result.WRITTEN) {
                return taken(claim, created);
            }
            Claim held = read(key);
            if (held == null) {
                continue;
            }
            if (held.live(now) && DONE.equals(held.state())) {
                return Outcome.DONE;
            }
            if (held.live(now) && held.leaseUntil().isAfter(now)) {
                return Outcome.BUSY;
            }
            Written replaced = replace(claim, held.version());
            if (replaced.result() == Result.WRITTEN) {
                return taken(claim, replaced);
            }
            // another instance changed it first: look again
        }
        // Others won every race for this key: it is being worked on right now.
        return Outcome.BUSY;
    }

    @Override
    public final void complete(String key, String owner, Instant expiresAt) throws ClaimStoreException {
        Claim mine = forget(key, owner);
        if (mine != null && replace(mine.as(DONE, expiresAt), mine.version()).result() != Result.CHANGED) {
            return;
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            Claim held = read(key);
            if (held == null || !owner.equals(held.owner())) {
                // another instance took the lease over after ours ran out; its own outcome stands
                return;
            }
            if (replace(held.as(DONE, expiresAt), held.version()).result() != Result.CHANGED) {
                return;
            }
        }
        throw new ClaimStoreException("the claim in " + describe() + " kept changing while it was completed", false);
    }

    @Override
    public final void release(String key, String owner) throws ClaimStoreException {
        Claim mine = forget(key, owner);
        if (mine != null && delete(key, mine.version()).result() != Result.CHANGED) {
            return;
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            Claim held = read(key);
            if (held == null || !owner.equals(held.owner()) || !PENDING.equals(held.state())) {
                // no longer ours: nothing to give back
                return;
            }
            if (delete(key, held.version()).result() != Result.CHANGED) {
                return;
            }
        }
        throw new ClaimStoreException("the claim in " + describe() + " kept changing while it was released", false);
    }

    private Outcome taken(Claim claim, Written written) {
        if (written.version() != null) {
            synchronized (ours) {
                ours.put(claim.key() + '\u0000' + claim.owner(), new Claim(claim.key(), claim.state(), claim.owner(),
                        claim.leaseUntil(), claim.expiresAt(), written.version()));
            }
        }
        return Outcome.TAKEN;
    }

    private Claim forget(String key, String owner) {
        synchronized (ours) {
            return ours.remove(key + '\u0000' + owner);
        }
    }

    /**
     * The key as a store's record name: its SHA-256 in hex. Alert ids may hold what record names must not
     * ({@code / \ # ?}, control characters) and may be longer than a name may be.
     */
    public static String hashed(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The key as kept beside its hash for people reading the store, shortened to {@value #MAX_READABLE_KEY} chars. */
    public static String readable(String key) {
        if (key.length() <= MAX_READABLE_KEY) {
            return key;
        }
        int end = Character.isHighSurrogate(key.charAt(MAX_READABLE_KEY - 1)) ? MAX_READABLE_KEY - 1 : MAX_READABLE_KEY;
        return key.substring(0, end) + "…";
    }
}
