package io.firewatch.core.model;

/** The cloud a change happened in. */
public enum Provider {
    AWS, AZURE, GCP;

    /** The lower-case name used on the wire and in alert ids. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
