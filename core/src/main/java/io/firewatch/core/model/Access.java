package io.firewatch.core.model;

/** Whether a rule lets matching traffic through or blocks it. */
public enum Access {
    ALLOW, DENY;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
