package io.firewatch.core.model;

/**
 * Who made the change. All values come from the event and are attacker-influenced (the user agent entirely),
 * so they are carried verbatim and escaped wherever they are rendered.
 */
public record Actor(String principal, String type, String sourceIp, String userAgent) {
    public static final Actor UNKNOWN = new Actor(null, null, null, null);
}
