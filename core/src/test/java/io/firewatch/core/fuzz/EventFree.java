package io.firewatch.core.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Which inputs hold no event by contract, so a scan of them may say nothing: empty or whitespace-only content
 * (after gzip and a byte-order mark), empty JSON containers, and log files whose record list is empty
 * ({@code {"Records": []}}, {@code {"records": []}}). Anything else must give an alert, an ignored event or a problem.
 */
final class EventFree {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFree() {
    }

    static boolean holdsNoEvents(byte[] input) {
        try {
            byte[] content = gunzip(input);
            int start = startsWithBom(content) ? 3 : 0;
            try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class)
                    .readValues(content, start, content.length - start)) {
                while (values.hasNextValue()) {
                    if (!vacuous(values.nextValue())) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean vacuous(JsonNode value) {
        if (value.isContainerNode() && value.isEmpty()) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!vacuous(element)) {
                    return false;
                }
            }
            return true;
        }
        return value.isObject() && (emptyList(value.get("Records")) || emptyList(value.get("records")));
    }

    private static boolean emptyList(JsonNode node) {
        return node != null && node.isArray() && node.isEmpty();
    }

    private static byte[] gunzip(byte[] input) throws IOException {
        if (input.length < 2 || (input[0] & 0xff) != 0x1f || (input[1] & 0xff) != 0x8b) {
            return input;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input))) {
            return in.readNBytes(1 << 20);
        }
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
    }
}
