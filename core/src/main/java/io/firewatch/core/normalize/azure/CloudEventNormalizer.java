package io.firewatch.core.normalize.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.util.Base64;
import java.util.Locale;

/**
 * A CloudEvents 1.0 event from Azure Event Grid ({@code specversion}, {@code type}, {@code source}, {@code id},
 * {@code data}), claimed only for {@code Microsoft.*} types: Google's CloudEvents belong to the GCP normalizers.
 */
final class CloudEventNormalizer implements Normalizer {
    private final ResourceEvents events;

    CloudEventNormalizer(ResourceEvents events) {
        this.events = events;
    }

    @Override
    public boolean recognizes(JsonNode d) {
        if (!d.isObject() || !Json.field(d, "specversion").isValueNode() || !Json.field(d, "id").isValueNode()) {
            return false;
        }
        String type = Json.text(d, "type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("microsoft.");
    }

    @Override
    public void normalize(JsonNode d, Origin origin, Sink out) {
        JsonNode data = Json.field(d, "data");
        if (data.isMissingNode() || data.isNull()) {
            data = decode(Json.text(d, "data_base64"));
            if (data == null) {
                out.problem(new Problem(origin, Problem.Kind.INVALID, "CloudEvent data_base64 is not base64-encoded JSON"));
                return;
            }
        }
        events.handle("CloudEvents", Json.text(d, "type"), Json.text(d, "id"), Json.text(d, "time"),
                Json.text(d, "subject"), Json.text(d, "source"), data, d, origin, out);
    }

    /** The JSON inside {@code data_base64}; a missing node when there is none, null when it is unreadable. */
    private static JsonNode decode(String base64) {
        if (base64 == null) {
            return MissingNode.getInstance();
        }
        try {
            Bodies.Body body = Bodies.read(com.fasterxml.jackson.databind.node.TextNode.valueOf(
                    new String(Base64.getDecoder().decode(base64.strip()), java.nio.charset.StandardCharsets.UTF_8)));
            return body.present() ? body.node() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
