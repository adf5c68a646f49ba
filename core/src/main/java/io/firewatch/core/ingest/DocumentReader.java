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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
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

        /** A record the prefilter skipped unread, with the reason its normalizer would give for ignoring it. */
        default void skipped(Origin origin, String why) {
        }
    }

    /*
     * The limits sit far above anything a cloud writes (CloudTrail, Activity Log and Cloud Logging all cap one event
     * at 256 KB) and low enough that the parallel readers of a scan fit a 64 MiB heap together.
     */
    /** Longest string value kept; a longer one is reported and ends the reading of its input (or of its line). */
    public static final int MAX_STRING_CHARS = 1 << 20;
    /** Deepest nesting of objects and arrays; deeper is reported the same way. */
    public static final int MAX_DEPTH = 200;
    /** Largest line of JSON Lines (and so largest single document there); a longer line is skipped and reported. */
    public static final int MAX_LINE_BYTES = 4 << 20;
    private static final int PEEK = 1 << 20;
    /** Compressed bytes from which inflating gets a thread of its own. */
    private static final int READ_AHEAD_FROM = 1 << 20;

    private final ObjectMapper mapper;
    private final Prefilter prefilter;
    private final boolean framing;

    public DocumentReader() {
        this(Prefilter.NONE);
    }

    public DocumentReader(Prefilter prefilter) {
        this(prefilter, true);
    }

    /** {@code framing} false reads records logs token by token, as the tests of framing compare. */
    DocumentReader(Prefilter prefilter, boolean framing) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING_CHARS)
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory);
        this.prefilter = prefilter;
        this.framing = framing;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** Reads everything from {@code in}; problems are reported, never thrown. Returns false if reading stopped early. */
    public boolean read(InputStream in, Origin origin, Listener listener) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            InputStream content = isGzip(buffered) ? new BufferedInputStream(inflate(buffered), 1 << 16) : buffered;
            try {
                return readContent(skipBom(content), origin, listener);
            } finally {
                if (content != buffered) {
                    content.close();
                }
            }
        } catch (IOException e) {
            listener.problem(new Problem(origin, Problem.Kind.UNREADABLE, describe(e)));
            return false;
        }
    }

    public boolean read(byte[] bytes, Origin origin, Listener listener) {
        return read(new ByteArrayInputStream(bytes), origin, listener);
    }

    /**
     * Reads a live stream (stdin): when it is JSON Lines, each line is judged as soon as it has arrived, and
     * {@code idle} runs whenever no further input is at hand; any other content is read as {@link #read} does.
     */
    public boolean readLive(InputStream in, Origin origin, Listener listener, Runnable idle) {
        try {
            BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
            if (isGzip(buffered)) {
                return read(buffered, origin, listener);
            }
            LineReader lines = new LineReader(skipBom(buffered), MAX_LINE_BYTES);
            while (lines.next() && !lines.tooLong() && lines.blank()) {
                // leading blank lines say nothing about the format
            }
            if (lines.length() == 0 && !lines.tooLong()) {
                return true;
            }
            if (lines.tooLong() || isCompleteDocument(new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8).strip())) {
                boolean complete = true;
                do {
                    complete &= readLine(lines, origin, listener);
                    if (!lines.hasBuffered()) {
                        idle.run();
                    }
                } while (lines.next());
                return complete;
            }
            return readContent(new BufferedInputStream(lines.currentAndRest(), 1 << 16), origin, listener);
        } catch (IOException e) {
            listener.problem(new Problem(origin, Problem.Kind.UNREADABLE, describe(e)));
            return false;
        }
    }

    private boolean readContent(InputStream content, Origin origin, Listener listener) throws IOException {
        BufferedInputStream in = content instanceof BufferedInputStream b ? b : new BufferedInputStream(content, 1 << 16);
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        // A records log is framed even when JSON Lines follow it: the documents after it are read as concatenated
        // ones, which finds the same, and a large single-line log is not searched for its first line break.
        String records = framing && prefilter.active() ? RecordFramer.recordsArray(head) : null;
        if (records != null) {
            return readRecordsLog(in, records, origin, listener);
        }
        if (looksLikeJsonLines(head)) {
            return readLines(in, origin, listener);
        }
        return readStream(in, origin, listener);
    }

    /**
     * A records log read record by record: the framer finds each record's bytes without tokenising them, so one the
     * prefilter rules out costs only its first fields. What follows the records array is read as any input is.
     */
    private boolean readRecordsLog(InputStream in, String records, Origin origin, Listener listener) throws IOException {
        RecordFramer framer = new RecordFramer(in, MAX_LINE_BYTES);
        RecordFramer.End end = framer.frame(new RecordFramer.Records() {
            @Override
            public void record(byte[] bytes, int offset, int length, long line, int index) {
                readRecord(bytes, offset, length, origin.atLine(line).child(records + "[" + index + "]"), listener);
            }

            @Override
            public void tooLarge(long line, int index) {
                listener.problem(new Problem(origin.atLine(line).child(records + "[" + index + "]"), Problem.Kind.MALFORMED,
                        "a record longer than " + (MAX_LINE_BYTES >> 20) + " MiB (the limit for one document) was skipped"));
            }
        });
        return switch (end) {
            case INPUT_ENDED -> {
                listener.problem(new Problem(origin.atLine(framer.line()), Problem.Kind.MALFORMED,
                        "unexpected end of input in the Records array"));
                yield false;
            }
            case RECORD_CUT -> false;
            case NO_SEPARATOR -> {
                listener.problem(new Problem(origin.atLine(framer.line()), Problem.Kind.MALFORMED,
                        "a record is followed by neither ',' nor ']'; the rest of this input was not read"));
                yield false;
            }
            case ARRAY_CLOSED -> readStream(restOfRecordsLog(framer), origin, listener);
        };
    }

    /**
     * The input after the records array, as a root object whose records array is empty, preceded by the line breaks
     * read so far, so that the parser's line numbers stay those of the file.
     */
    private static InputStream restOfRecordsLog(RecordFramer framer) {
        long breaks = framer.line() - 1;
        InputStream lineBreaks = new InputStream() {
            private long left = breaks;

            @Override
            public int read() {
                return left-- > 0 ? '\n' : -1;
            }
        };
        return new SequenceInputStream(new SequenceInputStream(lineBreaks,
                new ByteArrayInputStream("{\"Records\":[]".getBytes(StandardCharsets.US_ASCII))), framer.rest());
    }

    /** One framed record: skipped when the prefilter rules it out from its first fields, otherwise parsed whole. */
    private void readRecord(byte[] bytes, int offset, int length, Origin origin, Listener listener) {
        try (JsonParser parser = mapper.getFactory().createParser(bytes, offset, length)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                String skip = prefilterHead(parser);
                if (skip != null) {
                    listener.skipped(origin, skip);
                    return;
                }
            }
        } catch (IOException e) {
            // the whole parse below reports it
        }
        try (JsonParser parser = mapper.getFactory().createParser(bytes, offset, length)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                listener.problem(new Problem(origin, Problem.Kind.MALFORMED, "a record is missing between two commas"));
                return;
            }
            JsonNode element = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                listener.problem(new Problem(origin, Problem.Kind.MALFORMED, "unexpected content after a record"));
            } else if (element.isObject()) {
                listener.document(element, origin);
            } else {
                listener.problem(new Problem(origin, Problem.Kind.UNRECOGNIZED, "a " + element.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " is no event"));
            }
        } catch (IOException e) {
            // framing found where the record ends, so the records after it are still read
            String why = describe(e).replace("; the rest of this input was not read", "; the next records are read");
            listener.problem(new Problem(origin, Problem.Kind.MALFORMED, why));
        }
    }

    /**
     * Reads a record's fields up to the prefilter's decision, passing over nested values unbuilt (the prefilter asks
     * only whether they are objects). Returns why the record can be skipped, or null.
     */
    private String prefilterHead(JsonParser parser) throws IOException {
        ObjectNode before = JsonNodeFactory.instance.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                String skip = prefilter.skip(before, name, text);
                if (skip != null || prefilter.decidesOn(name)) {
                    return skip;
                }
                before.put(name, text);
            } else if (value == JsonToken.START_OBJECT) {
                parser.skipChildren();
                before.putObject(name);
            } else if (value == JsonToken.START_ARRAY) {
                parser.skipChildren();
                before.putArray(name);
            } else {
                before.set(name, mapper.readTree(parser));
            }
        }
        return null;
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
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        boolean complete = true;
        while (lines.next()) {
            complete &= readLine(lines, origin, listener);
        }
        return complete;
    }

    private boolean readLine(LineReader lines, Origin origin, Listener listener) throws IOException {
        Origin here = origin.atLine(lines.number());
        if (lines.tooLong()) {
            listener.problem(new Problem(here, Problem.Kind.MALFORMED, "a line longer than " + (MAX_LINE_BYTES >> 20)
                    + " MiB (the limit for one document) was skipped"));
            return false;
        }
        if (lines.blank()) {
            return true;
        }
        if (framing && prefilter.active()) {
            String skip = prefilterLogEntry(lines.bytes(), lines.length());
            if (skip != null) {
                listener.skipped(here, skip);
                return true;
            }
        }
        try (JsonParser parser = mapper.getFactory().createParser(lines.bytes(), 0, lines.length())) {
            return readValues(parser, here, listener, false);
        }
    }

    /**
     * Reads a line that may hold one Cloud Logging entry token by token, building nothing: its top-level field names
     * and its {@code protoPayload}'s method and service. Returns why it can be skipped, or null (the line is then read
     * whole). Anything unusual (a second value, a repeated or oddly cased name, a non-text method) returns null.
     */
    private String prefilterLogEntry(byte[] bytes, int length) {
        try (JsonParser parser = mapper.getFactory().createParser(bytes, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Set<String> fields = new HashSet<>();
            String[] payload = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (!fields.add(name)) {
                    return null;
                }
                if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("protoPayload")) {
                    payload = methodAndService(parser);
                    if (payload == null) {
                        return null;
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null || payload == null) {
                return null;
            }
            return prefilter.skipLogEntry(fields, payload[0], payload[1]);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code protoPayload}'s {@code methodName} and {@code serviceName} (null when absent), or null when unusual. */
    private static String[] methodAndService(JsonParser parser) throws IOException {
        String[] found = new String[2];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int slot = name.equalsIgnoreCase("methodName") ? 0 : name.equalsIgnoreCase("serviceName") ? 1 : -1;
            if (slot >= 0) {
                if (value != JsonToken.VALUE_STRING || found[slot] != null || !name.equals(slot == 0 ? "methodName" : "serviceName")) {
                    return null;
                }
                found[slot] = parser.getText();
            } else if (name.equals("at_sign_type")) {
                return null;
            } else {
                parser.skipChildren();
            }
        }
        return found;
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
                    readObject(parser, here, listener, trackLines, true);
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
            if (token == JsonToken.START_OBJECT) {
                readObject(parser, here, listener, false, false);
            } else {
                JsonNode element = mapper.readTree(parser);
                listener.problem(new Problem(here, Problem.Kind.UNRECOGNIZED, "a " + element.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " is no event"));
            }
            i++;
        }
    }

    /**
     * Builds an object field by field, so that a Records array inside a root object can be streamed, and so that a
     * record the prefilter rules out is skipped as soon as its operation name is read.
     */
    private void readObject(JsonParser parser, Origin origin, Listener listener, boolean trackLines, boolean root) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        boolean container = false;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.START_ARRAY && root && name.equalsIgnoreCase("records")) {
                container = true;
                readArray(parser, origin, name, listener, trackLines);
            } else if (value == JsonToken.VALUE_STRING && !container) {
                String text = parser.getText();
                String skip = prefilter.skip(object, name, text);
                if (skip != null) {
                    skipRestOfObject(parser);
                    listener.skipped(origin, skip);
                    return;
                }
                object.put(name, text);
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

    private static void skipRestOfObject(JsonParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
            if (token == null) {
                throw new com.fasterxml.jackson.core.io.JsonEOFException(parser, null, "unexpected end of input in an object");
            }
            parser.nextToken();
            parser.skipChildren();
        }
    }

    /**
     * A large gzip file is inflated on a thread of its own, so that inflating overlaps parsing; a function's small
     * payload is inflated in line.
     */
    private static InputStream inflate(BufferedInputStream in) throws IOException {
        GZIPInputStream gzip = new GZIPInputStream(in, 1 << 16);
        return in.available() >= READ_AHEAD_FROM ? new ReadAhead(gzip) : gzip;
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

    /** One line in the user's words, no stack trace, no Java class names, no input echoed beyond a short excerpt. */
    public static String describe(Exception e) {
        String msg = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (e instanceof java.io.EOFException && msg != null && msg.contains("ZLIB") || e instanceof java.io.EOFException && msg == null) {
            return "the gzip stream ends early";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "corrupt gzip stream" + (msg == null ? "" : ": " + msg);
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            if (msg != null && msg.startsWith("String value length")) {
                return "a string longer than " + MAX_STRING_CHARS + " characters (the limit); the rest of this input was not read";
            }
            if (msg != null && msg.contains("nesting depth")) {
                return "nested deeper than " + MAX_DEPTH + " levels (the limit); the rest of this input was not read";
            }
        }
        if (e instanceof java.io.CharConversionException || (msg != null && msg.startsWith("Invalid UTF-8"))) {
            return "not valid UTF-8: " + msg;
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (msg == null) {
            msg = "read error";
        }
        msg = msg.replaceAll("[\\r\\n\\t]+", " ");
        return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
    }
}
