package io.firewatch.core.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Which inputs hold no event by contract, so a scan of them may say nothing: empty or whitespace-only content
 * (after gzip and a byte-order mark), and well-formed JSON without a single value in it ({@code []},
 * {@code {"Records": []}}). Anything else must give an alert, an ignored event or a problem.
 */
final class EventFree {
    private static final JsonFactory JSON = new JsonFactory();

    private EventFree() {
    }

    static boolean holdsNoEvents(byte[] input) {
        try {
            byte[] content = gunzip(input);
            int start = startsWithBom(content) ? 3 : 0;
            try (JsonParser p = JSON.createParser(content, start, content.length - start)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t.isScalarValue()) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
