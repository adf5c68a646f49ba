package io.firewatch.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.functions.HttpRequest;
import io.firewatch.core.InputResult;
import io.firewatch.core.Scan;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An event as an HTTP request carries it, when the function runs with the {@code http} signature (a Pub/Sub push
 * subscription pointing at the function URL deploys it so): a binary-mode CloudEvent ({@code ce-} headers, data as
 * the body), a structured-mode CloudEvent, a Pub/Sub push request, a 1st gen background event, or a bare LogEntry
 * (push without wrapper).
 */
final class HttpEvent {
    /** Pub/Sub messages are at most 10 MB, base64 inflates them by a third. */
    static final int MAX_BODY_BYTES = 16 << 20;
    private static final String CE_PREFIX = "ce-";

    private final String source;
    private final Map<String, Object> ids;
    private final JsonNode document;
    private final byte[] body;

    private HttpEvent(String source, Map<String, Object> ids, JsonNode document, byte[] body) {
        this.source = source;
        this.ids = ids;
        this.document = document;
        this.body = body;
    }

    static HttpEvent from(HttpRequest request) throws Unreadable {
        byte[] body = readBody(request);
        Map<String, String> headers = firstValues(request.getHeaders());
        if (headers.containsKey(CE_PREFIX + "specversion")) {
            return binaryCloudEvent(headers, request.getContentType().orElse(null), body);
        }
        JsonNode peek = peek(body);
        if (peek.hasNonNull("specversion")) {
            String id = peek.path("id").asText(null);
            String type = peek.path("type").asText(null);
            return new HttpEvent("cloudevent:" + id, Ids.of("cloudevent", id, type, Ids.messageId(type, id)), null, body);
        }
        JsonNode message = peek.path("message");
        if (message.isObject()) {
            String messageId = message.hasNonNull("messageId") ? message.path("messageId").asText(null)
                    : message.path("message_id").asText(null);
            Map<String, Object> ids = Ids.of("pubsub-push", null, null, messageId);
            ids.putAll(StructuredLog.fields("subscription", peek.path("subscription").asText(null)));
            return new HttpEvent("pubsub:" + messageId, ids, null, body);
        }
        JsonNode context = peek.path("context").isObject() ? peek.path("context") : peek;
        if (peek.path("data").isObject() && context.path("eventType").isTextual()) {
            // A 1st gen background event: its data is the Pub/Sub message itself.
            String id = context.path("eventId").asText(null);
            String type = context.path("eventType").asText();
            return new HttpEvent("pubsub:" + id, Ids.of("background-event", id, type, Ids.messageId(type, id)), peek.path("data"), null);
        }
        String messageId = headers.get("x-goog-pubsub-message-id");
        return new HttpEvent(messageId != null ? "pubsub:" + messageId : "http-request",
                Ids.of(messageId != null ? "pubsub-push" : "http", null, null, messageId), null, body);
    }

    private static HttpEvent binaryCloudEvent(Map<String, String> headers, String contentType, byte[] body) throws Unreadable {
        Map<String, String> attributes = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name.startsWith(CE_PREFIX) && name.length() > CE_PREFIX.length()) {
                attributes.put(name.substring(CE_PREFIX.length()), value);
            }
        });
        String id = attributes.get("id");
        String type = attributes.get("type");
        Map<String, Object> ids = Ids.of("cloudevent", id, type, Ids.messageId(type, id));
        try {
            return new HttpEvent("cloudevent:" + id, ids, CloudEventDocument.ofBinary(attributes, contentType, body), null);
        } catch (CloudEventDocument.UnreadableData e) {
            throw new Unreadable(ids, e.getMessage());
        }
    }

    Map<String, Object> ids() {
        return ids;
    }

    InputResult readInto(Scan scan) {
        return document != null ? scan.read(document, source) : scan.read(body, source);
    }

    /** A request that could not be read at all; {@link #ids()} tells which as far as known. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Map<String, Object> ids;

        Unreadable(Map<String, Object> ids, String message) {
            super(message);
            this.ids = ids;
        }

        Map<String, Object> ids() {
            return ids;
        }
    }

    private static byte[] readBody(HttpRequest request) throws Unreadable {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new Unreadable(Ids.of("http", null, null, null), "the request body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new Unreadable(Ids.of("http", null, null, null), "the request body could not be read");
        }
    }

    /** The body as a JSON object to look up ids in, or an empty object; the scan reports what is wrong with it. */
    private static JsonNode peek(byte[] body) {
        try {
            return CloudEventDocument.parseObject(body, "the request body");
        } catch (CloudEventDocument.UnreadableData e) {
            return CloudEventDocument.MAPPER.createObjectNode();
        }
    }

    private static Map<String, String> firstValues(Map<String, List<String>> headers) {
        Map<String, String> first = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (name != null && values != null && !values.isEmpty()) {
                first.putIfAbsent(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return first;
    }
}
