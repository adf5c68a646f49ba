package io.firewatch.core.model;

/** The firewall object a change touched. Any field may be null when the event does not name it. */
public record ResourceRef(String id, String name, String type) {
}
