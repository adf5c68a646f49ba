package io.firewatch.core.delivery;

import java.time.Instant;

/**
 * A shared table of delivery claims, one record per {@code (alert id, sink)} key, written only by conditional writes
 * so that two instances never both hold a key. Each cloud supplies one (DynamoDB, Table Storage, Firestore).
 */
public interface ClaimStore {
    /** What a claim attempt found. */
    enum Outcome {
        /** The key is now ours until {@code leaseUntil}: send, then complete or release. */
        TAKEN,
        /** Another instance delivered already: skip. */
        DONE,
        /** Another instance holds a live lease: it is sending right now. */
        BUSY
    }

    /**
     * Creates the key as pending for {@code owner}, or takes over a pending key whose lease ended before {@code now}.
     */
    Outcome claim(String key, String owner, Instant now, Instant leaseUntil, Instant expiresAt) throws ClaimStoreException;

    /** Marks the key delivered, if {@code owner} still holds it. */
    void complete(String key, String owner, Instant expiresAt) throws ClaimStoreException;

    /** Deletes the key, if {@code owner} still holds it, so a platform retry can claim it again. */
    void release(String key, String owner) throws ClaimStoreException;
}
