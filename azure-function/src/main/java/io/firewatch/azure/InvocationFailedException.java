package io.firewatch.azure;

/**
 * Fails an invocation on purpose so that the platform redelivers the input (Event Grid retries, then dead-letters;
 * the Event Hub trigger retries the batch). The message carries ids only.
 */
public final class InvocationFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvocationFailedException(String message) {
        super(message);
    }

    public InvocationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
