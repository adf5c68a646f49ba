package io.firewatch.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firewatch.core.normalize.Origin;
import io.firewatch.core.normalize.Problem;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Turns raw input into JSON documents, streaming: gzip is detected by its magic bytes, a UTF-8 byte-order mark is
 * skipped, and a file may hold one document, a JSON array, concatenated documents or JSON Lines. A top-level
 * {@code Records}/{@code records} array (CloudTrail log files, Lambda SQS batches, Activity Log exports) is streamed
 * element by element, so a 200 MB log file never sits in memory.
 */
public final class DocumentReader {
    /** Receives each document, or each problem, in input order. */
    public interface Listener {
        void document(JsonNode document, Origin origin);

        void problem(Problem problem);
    }

    private static final int PEEK = 1 << 20;
    private static final int MAX_DOCUMENT_CHARS = 64 << 20;

    private final ObjectMapper mapper;

    public DocumentReader() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(200)
                        .maxStringLength(MAX_DOCUMENT_CHARS)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads everything from {@code in}; problems are reported, never thrown. Returns false if reading stopped early. */
    public boolean read(InputStream in, Origin origin, Listener listener) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            InputStream content = isGzip(buffered) ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
            content = skipBom(content);
            return readContent(content, origin, listener);
        } catch (IOException e) {
            listener.problem(new Problem(origin, Problem.Kind.UNREADABLE, describe(e)));
            return false;
        }
    }

    public boolean read(byte[] bytes, Origin origin, Listener listener) {
        return read(new ByteArrayInputStream(bytes), origin, listener);
    }

    private boolean readContent(InputStream content, Origin origin, Listener listener) throws IOException {
        BufferedInputStream in = content instanceof BufferedInputStream b ? b : new BufferedInputStream(content, 1 << 16);
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        if (looksLikeJsonLines(head)) {
            return readLines(in, origin, listener);
        }
        return readStream(in, origin, listener);
    }

    /** JSON Lines when the first line is a complete document on its own and more content follows. */
    private boolean looksLikeJsonLines(byte[] head) {
        int firstEnd = indexOf(head, 0, (byte) '\n');
        if (firstEnd < 0) {
            return false;
        }
        String first = new String(head, 0, firstEnd, StandardCharsets.UTF_8).strip();
        if (first.isEmpty()) {
            return false;
        }
        int secondEnd = indexOf(head, firstEnd + 1, (byte) '\n');
        String rest = new String(head, firstEnd + 1, (secondEnd < 0 ? head.length : secondEnd) - firstEnd - 1, StandardCharsets.UTF_8).strip();
        if (rest.isEmpty() && secondEnd < 0) {
            return false;
        }
        if (isCompleteDocument(first)) {
            return true;
        }
        // A malformed first line of a JSON Lines file: the next line is a whole object on its own.
        return first.length() > 1 && first.startsWith("{") && isCompleteDocument(rest);
    }

    private boolean isCompleteDocument(String text) {
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return false;
        }
        try (JsonParser p = mapper.getFactory().createParser(text)) {
            p.nextToken();
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean readLines(InputStream in, Origin origin, Listener listener) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        long lineNo = 0;
        boolean complete = true;
        String line;
        while (true) {
            try {
                line = reader.readLine();
            } catch (CharacterCodingException e) {
                listener.problem(new Problem(origin.atLine(lineNo + 1), Problem.Kind.UNREADABLE, "invalid UTF-8"));
                return false;
            }
            if (line == null) {
                return complete;
            }
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser parser = mapper.getFactory().createParser(line)) {
                complete &= readValues(parser, origin.atLine(lineNo), listener, false);
            }
        }
    }

    private boolean readStream(InputStream in, Origin origin, Listener listener) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            return readValues(parser, origin, listener, true);
        }
    }

    /** Reads every root value of {@code parser}. */
    private boolean readValues(JsonParser parser, Origin origin, Listener listener, boolean trackLines) {
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                Origin here = trackLines ? origin.atLine(parser.currentTokenLocation().getLineNr()) : origin;
                if (token == JsonToken.START_ARRAY) {
                    readArray(parser, here, "", listener, trackLines);
                } else if (token == JsonToken.START_OBJECT) {
                    readObject(parser, here, listener, trackLines);
                } else {
                    listener.problem(new Problem(here, Problem.Kind.UNRECOGNIZED, "a bare " + describe(token) + " is no event"));
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            Origin at = trackLines && line > 0 ? origin.atLine(line) : origin;
            listener.problem(new Problem(at, Problem.Kind.MALFORMED, describe(e)));
            return false;
        } catch (IOException e) {
            listener.problem(new Problem(origin, Problem.Kind.UNREADABLE, describe(e)));
            return false;
        }
    }

    private void readArray(JsonParser parser, Origin origin, String name, Listener listener, boolean trackLines) throws IOException {
        int i = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null, "unexpected end of input in an array");
            }
            Origin here = (trackLines ? origin.atLine(parser.currentTokenLocation().getLineNr()) : origin).child(name + "[" + i + "]");
            JsonNode element = mapper.readTree(parser);
            if (element.isObject()) {
                listener.document(element, here);
            } else {
                listener.problem(new Problem(here, Problem.Kind.UNRECOGNIZED, "a " + element.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " is no event"));
            }
            i++;
        }
    }

    /** Builds a root object field by field so that a Records array inside it can be streamed. */
    private void readObject(JsonParser parser, Origin origin, Listener listener, boolean trackLines) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        boolean container = false;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && name.equalsIgnoreCase("records")) {
                container = true;
                readArray(parser, origin, name, listener, trackLines);
            } else {
                object.set(name, mapper.readTree(parser));
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null, "unexpected end of input in an object");
        }
        if (!container) {
            listener.document(object, origin);
        }
    }

    private static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }

    private static InputStream skipBom(InputStream in) throws IOException {
        BufferedInputStream b = in instanceof BufferedInputStream bb ? bb : new BufferedInputStream(in);
        b.mark(3);
        if (!(b.read() == 0xEF && b.read() == 0xBB && b.read() == 0xBF)) {
            b.reset();
        }
        return b;
    }

    private static int indexOf(byte[] bytes, int from, byte value) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() == null ? token.name() : token.asString();
        };
    }

    /** One line, no stack trace, no input echoed beyond Jackson's short excerpt. */
    static String describe(Exception e) {
        String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException && msg != null && msg.contains("ZLIB")) {
            return "corrupt gzip stream: " + msg;
        }
        if (e instanceof java.io.CharConversionException || (msg != null && msg.startsWith("Invalid UTF-8"))) {
            return "invalid UTF-8: " + msg;
        }
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        msg = msg.replaceAll("[\\r\\n\\t]+", " ");
        return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
    }
}
