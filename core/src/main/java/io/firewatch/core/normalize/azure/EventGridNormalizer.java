package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;

/**
 * An event in the Event Grid schema ({@code eventType}, {@code subject}, {@code eventTime}, {@code id},
 * {@code data}). Every Event Grid event is claimed, so a subscription validation handshake or a storage event
 * reaching the function is a known shape that is simply not a firewall change.
 */
final class EventGridNormalizer implements Normalizer {
    private final ResourceEvents events;

    EventGridNormalizer(ResourceEvents events) {
        this.events = events;
    }

    @Override
    public boolean recognizes(JsonNode d) {
        return d.isObject() && !d.has("specversion") && text(d, "eventType") && text(d, "id")
                && d.has("eventTime") && (text(d, "subject") || text(d, "topic"));
    }

    @Override
    public void normalize(JsonNode d, Origin origin, Sink out) {
        events.handle("Event Grid", Json.text(d, "eventType"), Json.text(d, "id"), Json.text(d, "eventTime"),
                Json.text(d, "subject"), Json.text(d, "topic"), Json.field(d, "data"), d, origin, out);
    }

    private static boolean text(JsonNode d, String name) {
        return Json.field(d, name).isTextual();
    }
}
