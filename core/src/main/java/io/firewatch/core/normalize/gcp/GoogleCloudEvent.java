package io.firewatch.core.normalize.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.firewatch.core.normalize.Json;
import io.firewatch.core.normalize.Normalizer;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.nio.charset.StandardCharsets;

/**
 * A structured-mode CloudEvent of a {@code google.*} type. Two carry audit logs: Pub/Sub's {@code messagePublished}
 * (data is MessagePublishedData, whose message data is the base64 LogEntry) and Eventarc's audit-log
 * {@code written} (data is the LogEntry itself as plain JSON). Other Google event types are not firewall changes.
 */
final class GoogleCloudEvent implements Normalizer {
    static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";
    static final String AUDIT_LOG_WRITTEN = "google.cloud.audit.log.v1.written";

    @Override
    public boolean recognizes(JsonNode document) {
        JsonNode spec = document.get("specversion");
        JsonNode type = document.get("type");
        return spec != null && spec.isValueNode() && type != null && type.isTextual() && type.asText().startsWith("google.");
    }

    @Override
    public void normalize(JsonNode event, Origin origin, Sink out) {
        String type = event.get("type").asText();
        if (!type.equals(MESSAGE_PUBLISHED) && !type.equals(AUDIT_LOG_WRITTEN)) {
            out.ignored(origin, "CloudEvent of type " + type + " carries no audit log");
            return;
        }
        JsonNode data = event.path("data");
        JsonNode dataBase64 = event.path("data_base64");
        if (data.isMissingNode() && dataBase64.isTextual()) {
            byte[] bytes = PubSubData.decode(dataBase64.asText());
            if (bytes == null) {
                out.problem(new Problem(origin, Problem.Kind.INVALID, "CloudEvent data_base64 is not valid base64"));
            } else {
                out.nestedBytes(bytes, origin.child("data_base64"));
            }
            return;
        }
        if (type.equals(AUDIT_LOG_WRITTEN)) {
            auditLog(data, origin.child("data"), out);
        } else {
            messagePublished(event, data, origin, out);
        }
    }

    /** Eventarc hands the LogEntry over as JSON, not base64. */
    private static void auditLog(JsonNode data, Origin origin, Sink out) {
        if (data.isObject()) {
            out.nested(data, origin);
        } else if (data.isTextual()) {
            out.nestedBytes(data.asText().getBytes(StandardCharsets.UTF_8), origin);
        } else {
            out.problem(new Problem(origin, Problem.Kind.INVALID, "audit-log CloudEvent without a LogEntry in data"));
        }
    }

    private static void messagePublished(JsonNode event, JsonNode data, Origin origin, Sink out) {
        JsonNode message = Json.field(data, "message");
        if (!message.isObject()) {
            out.problem(new Problem(origin.child("data"), Problem.Kind.INVALID,
                    "messagePublished CloudEvent without a Pub/Sub message in data"));
            return;
        }
        String id = PubSubData.messageId(message);
        if (id == null) {
            id = Json.text(event, "id");
        }
        PubSubData.forward(Json.field(message, "data"), PubSubData.origin(origin, id), out);
    }
}
