package io.firewatch.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Rebuilds the structured-mode JSON form of a CloudEvent (CloudEvents 1.0 JSON format), whichever way it arrived, so
 * core recognises the event by its {@code type}: the context attributes as strings and {@code data} as JSON.
 */
final class CloudEventDocument {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
            .build());

    private CloudEventDocument() {
    }

    /** An event whose data is missing or is not JSON; nothing in it can be read. */
    static final class UnreadableData extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableData(String message) {
            super(message);
        }
    }

    /** From the Functions Framework's event object (a function deployed with the {@code cloudevent} signature). */
    static JsonNode of(CloudEvent event) throws UnreadableData {
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("specversion", event.getSpecVersion().toString());
        doc.put("type", event.getType());
        doc.put("source", event.getSource() == null ? null : event.getSource().toString());
        doc.put("id", event.getId());
        putIfPresent(doc, "subject", event.getSubject());
        if (event.getTime() != null) {
            doc.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.getTime().withOffsetSameInstant(ZoneOffset.UTC)));
        }
        putIfPresent(doc, "datacontenttype", event.getDataContentType());
        if (event.getDataSchema() != null) {
            doc.put("dataschema", event.getDataSchema().toString());
        }
        for (String name : event.getExtensionNames()) {
            Object value = event.getExtension(name);
            if (value != null && !doc.has(name)) {
                doc.put(name, value.toString());
            }
        }
        CloudEventData data = event.getData();
        doc.set("data", data(data == null ? null : data.toBytes()));
        return doc;
    }

    /**
     * From an HTTP request in binary content mode: the context attributes are the {@code ce-} headers (names given
     * here without the prefix, lower case) and the body is the data.
     */
    static JsonNode ofBinary(Map<String, String> attributes, String contentType, byte[] body) throws UnreadableData {
        ObjectNode doc = MAPPER.createObjectNode();
        attributes.forEach(doc::put);
        putIfPresent(doc, "datacontenttype", contentType);
        doc.set("data", data(body));
        return doc;
    }

    /** Parses a JSON object, or says why it is none (by position only: the text itself may be anything). */
    static JsonNode parseObject(byte[] bytes, String what) throws UnreadableData {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableData(what + " is empty");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new UnreadableData(what + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnreadableData(e.getLocation() == null ? what + " is not JSON"
                    : what + " is not JSON (at byte " + e.getLocation().getByteOffset() + ")");
        } catch (IOException e) {
            throw new UnreadableData(what + " could not be read");
        }
    }

    private static JsonNode data(byte[] bytes) throws UnreadableData {
        return parseObject(bytes, "the event data");
    }

    private static void putIfPresent(ObjectNode doc, String name, String value) {
        if (value != null) {
            doc.put(name, value);
        }
    }
}
