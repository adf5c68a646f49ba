package io.firewatch.core.delivery;

/** The claim store could not answer. {@code throttled} says that waiting and retrying may help. */
public final class ClaimStoreException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean throttled;

    public ClaimStoreException(String message, boolean throttled) {
        super(message);
        this.throttled = throttled;
    }

    public ClaimStoreException(String message, boolean throttled, Throwable cause) {
        super(message, cause);
        this.throttled = throttled;
    }

    public boolean throttled() {
        return throttled;
    }
}
