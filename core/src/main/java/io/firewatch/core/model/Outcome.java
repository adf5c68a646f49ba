package io.firewatch.core.model;

/** Whether the provider accepted the call. A failed call changed nothing. */
public enum Outcome {
    SUCCESS, FAILURE;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
