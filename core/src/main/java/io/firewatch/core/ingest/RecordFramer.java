package io.firewatch.core.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Frames the records of a log file shaped {@code {"Records":[{...},{...}]}} (CloudTrail log files, Lambda SQS
 * batches, Activity Log exports) at byte level, so that a record can be judged from its first fields and the rest of
 * it never tokenised: only quotes, escapes, brackets and line breaks are looked at. Framing checks no grammar; each
 * framed record is parsed by Jackson, which reports whatever is malformed in it.
 */
final class RecordFramer {
    /** Receives each framed record, in order. */
    interface Records {
        /** {@code bytes[0..length)} hold one array element (an object, or any other value), which began on {@code line}. */
        void record(byte[] bytes, int length, long line, int index);

        /** An element longer than the limit began on {@code line}; its bytes were passed over, not kept. */
        void tooLarge(long line, int index);
    }

    /** What ended the framing. */
    enum End {
        /** The array's {@code ]} was read; {@link #rest()} continues right after it. */
        ARRAY_CLOSED,
        /** The input ended inside the array, between records. */
        INPUT_ENDED,
        /** The input ended inside a record, which was handed on as it was, so its parse reports it. */
        RECORD_CUT,
        /** Something other than {@code ,} or {@code ]} followed an element; {@link #rest()} starts there. */
        NO_SEPARATOR
    }

    private static final Pattern RECORDS_ARRAY = Pattern.compile("\\A\\s*\\{\\s*\"((?i:records))\"\\s*:\\s*\\[");

    private final InputStream in;
    private final int maxRecordBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int end;
    private long line = 1;
    private byte[] record = new byte[1 << 14];
    private int length;
    private boolean overflow;

    RecordFramer(InputStream in, int maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * The name of the records array ({@code Records}, {@code records}) when {@code head}, the first bytes of an input,
     * opens a root object with it as its first field; otherwise null.
     */
    static String recordsArray(byte[] head) {
        Matcher m = RECORDS_ARRAY.matcher(new String(head, 0, Math.min(head.length, 256), StandardCharsets.ISO_8859_1));
        return m.lookingAt() ? m.group(1) : null;
    }

    /** Frames every element of the records array; the input must start as {@link #recordsArray} says. */
    End frame(Records records) throws IOException {
        skipThrough('[');
        int index = 0;
        while (true) {
            int b = skipWhitespace();
            if (b < 0) {
                return End.INPUT_ENDED;
            }
            if (b == ']' && index == 0) {
                position++;
                return End.ARRAY_CLOSED;
            }
            if (index > 0) {
                if (b == ']') {
                    position++;
                    return End.ARRAY_CLOSED;
                }
                if (b != ',') {
                    return End.NO_SEPARATOR;
                }
                position++;
                if (skipWhitespace() < 0) {
                    return End.INPUT_ENDED;
                }
            }
            long startLine = line;
            boolean complete = frameValue();
            if (overflow) {
                records.tooLarge(startLine, index);
            } else {
                records.record(record, length, startLine, index);
            }
            if (!complete) {
                return End.RECORD_CUT;
            }
            index++;
        }
    }

    /** The line the framing stopped on. */
    long line() {
        return line;
    }

    /** The input from where the framing stopped. */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, position, end - position), in);
    }

    /**
     * Copies one value, starting at the current byte, into {@link #record} (up to the limit). Returns false when the
     * input ended before the value closed; what was read is still handed on, so that the parser reports it.
     */
    private boolean frameValue() throws IOException {
        length = 0;
        overflow = false;
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        boolean scalar = buffer[position] != '{' && buffer[position] != '[' && buffer[position] != '"';
        while (true) {
            if (position == end && !fill()) {
                return false;
            }
            int start = position;
            int i = position;
            boolean closed = false;
            for (; i < end && !closed; i++) {
                byte b = buffer[i];
                if (inString) {
                    if (escaped) {
                        escaped = false;
                    } else if (b == '\\') {
                        escaped = true;
                    } else if (b == '"') {
                        inString = false;
                        closed = depth == 0;
                    }
                } else if (scalar) {
                    if (b == ',' || b == ']' || b == '}' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                        closed = true;
                        i--;
                    }
                } else if (b == '"') {
                    inString = true;
                } else if (b == '{' || b == '[') {
                    depth++;
                } else if (b == '}' || b == ']') {
                    depth--;
                    closed = depth <= 0;
                } else if (b == '\n') {
                    line++;
                }
            }
            append(start, i - start);
            position = i;
            if (closed) {
                return true;
            }
        }
    }

    private void append(int from, int count) {
        if (overflow) {
            return;
        }
        if (length + count > maxRecordBytes) {
            overflow = true;
            length = 0;
            return;
        }
        if (length + count > record.length) {
            record = Arrays.copyOf(record, Math.min(maxRecordBytes, Math.max(record.length * 2, length + count)));
        }
        System.arraycopy(buffer, from, record, length, count);
        length += count;
    }

    /** The next byte that is not whitespace, left unread; -1 at the end of the input. */
    private int skipWhitespace() throws IOException {
        while (true) {
            if (position == end && !fill()) {
                return -1;
            }
            byte b = buffer[position];
            if (b == '\n') {
                line++;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                return b;
            }
            position++;
        }
    }

    private void skipThrough(char c) throws IOException {
        while (true) {
            if (position == end && !fill()) {
                return;
            }
            byte b = buffer[position++];
            if (b == '\n') {
                line++;
            } else if (b == c) {
                return;
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        position = 0;
        end = Math.max(n, 0);
        return n > 0;
    }
}
