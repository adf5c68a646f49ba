package io.firewatch.core.model;

/** What a change did to its firewall object (CONTRACT §2 {@code action}). */
public enum Action {
    CREATE, MODIFY, DELETE, DISABLE, ENABLE, ATTACH, DETACH, TRUST;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Action fromWire(String value) {
        return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
