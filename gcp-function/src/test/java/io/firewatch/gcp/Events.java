package io.firewatch.gcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Test events as each transport carries them, built around the complete LogEntries in {@code events/}. Each test
 * names its own firewall rule, so its alert (keyed on the operation) is its own.
 */
final class Events {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";
    static final String PUBLISH_TIME = "2026-03-14T11:30:05.114Z";
    static final String TOPIC_SOURCE = "//pubsub.googleapis.com/projects/acme-security/topics/firewatch-audit-logs";
    static final String AUDIT_SOURCE = "//cloudaudit.googleapis.com/projects/acme-web-prod/logs/activity";

    private Events() {
    }

    /** A LogEntry from {@code events/<file>} for firewall rule {@code rule}: its own resource and operation. */
    static String logEntry(String file, String rule) {
        try (InputStream in = Events.class.getResourceAsStream("/events/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + file);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replace("allow-ssh-any", rule)
                    .replace("operation-1773487802671-64d1f2a7c83f1-5e0c3c9e-2b7d4f11", "operation-" + rule)
                    .replace("\"insertId\": \"-", "\"insertId\": \"-" + rule + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code MessagePublishedData}: the message as Eventarc and push subscriptions render it. */
    static ObjectNode messagePublishedData(String logEntry, String messageId, String subscription) {
        ObjectNode message = MAPPER.createObjectNode();
        message.put("data", Base64.getEncoder().encodeToString(logEntry.getBytes(StandardCharsets.UTF_8)));
        message.putObject("attributes").put("logging.googleapis.com/timestamp", "2026-03-14T11:30:02.88219Z");
        message.put("messageId", messageId);
        message.put("message_id", messageId);
        message.put("publishTime", PUBLISH_TIME);
        message.put("publish_time", PUBLISH_TIME);
        ObjectNode data = MAPPER.createObjectNode();
        data.set("message", message);
        data.put("subscription", subscription);
        return data;
    }

    /** The body a Pub/Sub push subscription POSTs (wrapped): no CloudEvent headers. */
    static String pushRequest(String logEntry, String messageId) {
        return messagePublishedData(logEntry, messageId, "projects/acme-security/subscriptions/firewatch-push").toString();
    }

    /** A 1st gen background function event: the context beside the Pub/Sub message as {@code data}. */
    static String backgroundEvent(String logEntry, String eventId) {
        ObjectNode event = MAPPER.createObjectNode();
        ObjectNode context = event.putObject("context");
        context.put("eventId", eventId);
        context.put("timestamp", PUBLISH_TIME);
        context.put("eventType", "google.pubsub.topic.publish");
        ObjectNode resource = context.putObject("resource");
        resource.put("service", "pubsub.googleapis.com");
        resource.put("name", "projects/acme-security/topics/firewatch-audit-logs");
        resource.put("type", "type.googleapis.com/google.pubsub.v1.PubsubMessage");
        ObjectNode data = event.putObject("data");
        data.put("@type", "type.googleapis.com/google.pubsub.v1.PubsubMessage");
        data.put("data", Base64.getEncoder().encodeToString(logEntry.getBytes(StandardCharsets.UTF_8)));
        data.putObject("attributes").put("logging.googleapis.com/timestamp", "2026-03-14T11:30:02.88219Z");
        return event.toString();
    }

    static Map<String, String> binaryHeaders(String type, String id, String source, String subject) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("ce-specversion", "1.0");
        h.put("ce-type", type);
        h.put("ce-id", id);
        h.put("ce-source", source);
        if (subject != null) {
            h.put("ce-subject", subject);
        }
        h.put("ce-time", PUBLISH_TIME);
        return h;
    }

    static Map<String, String> messagePublishedHeaders(String messageId) {
        return binaryHeaders(Events.MESSAGE_PUBLISHED, messageId, TOPIC_SOURCE, null);
    }

    /** Eventarc's audit-log event: its extension attributes arrive lower case. */
    static Map<String, String> auditLogHeaders(String id, String rule) {
        Map<String, String> h = binaryHeaders("google.cloud.audit.log.v1.written", id, AUDIT_SOURCE,
                "compute.googleapis.com/projects/acme-web-prod/global/firewalls/" + rule);
        h.put("ce-dataschema", "https://googleapis.github.io/google-cloudevents/jsonschema/google/events/cloud/audit/v1/LogEntryData.json");
        h.put("ce-methodname", "v1.compute.firewalls.insert");
        h.put("ce-servicename", "compute.googleapis.com");
        h.put("ce-resourcename", "projects/acme-web-prod/global/firewalls/" + rule);
        h.put("ce-recordedtime", "2026-03-14T11:30:02.88219Z");
        return h;
    }

    static Map<String, String> structuredHeaders() {
        return Map.of("Content-Type", "application/cloudevents+json");
    }

    /** A structured-mode CloudEvent: the attributes of {@code binary} as members, data inline as JSON. */
    static String structured(Map<String, String> binary, String data) throws IOException {
        ObjectNode event = MAPPER.createObjectNode();
        binary.forEach((name, value) -> {
            if (name.startsWith("ce-")) {
                event.put(name.substring(3), value);
            }
        });
        event.put("datacontenttype", "application/json");
        event.set("data", MAPPER.readTree(data));
        return event.toString();
    }
}
