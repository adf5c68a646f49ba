package io.firewatch.aws;

/**
 * Thrown out of the handler so Lambda retries the invocation (async retries, then the on-failure destination)
 * when alerts of a direct event could not be delivered but may be later. The message names no secret.
 */
public final class DeliveryFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeliveryFailedException(String message) {
        super(message);
    }
}
