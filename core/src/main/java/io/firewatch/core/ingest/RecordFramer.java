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
        /** {@code bytes[offset..offset + length)} hold one array element (any value), which began on {@code line}. */
        void record(byte[] bytes, int offset, int length, long line, int index);

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

    private static final int READ_SIZE = 1 << 16;

    private final InputStream in;
    private final int maxRecordBytes;
    /** Unread input is {@code buffer[position..end)}; a record being framed stays in it whole, so it is never copied. */
    private byte[] buffer = new byte[1 << 13];
    private int position;
    private int end;
    private long line = 1;

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
            if (b == ']') {
                position++;
                return End.ARRAY_CLOSED;
            }
            if (index > 0) {
                if (b != ',') {
                    return End.NO_SEPARATOR;
                }
                position++;
                if (skipWhitespace() < 0) {
                    return End.INPUT_ENDED;
                }
            }
            long startLine = line;
            int length = frameValue();
            boolean complete = length >= 0;
            length = complete ? length : -length - 1;
            if (length > maxRecordBytes) {
                records.tooLarge(startLine, index);
            } else {
                records.record(buffer, position - length, length, startLine, index);
            }
            if (!complete) {
                return End.RECORD_CUT;
            }
            index++;
        }
    }

    /**
     * Scans one value, starting at the current byte, until it closes; it then ends at {@code position} and its
     * length is returned. When the input ends first, {@code -length - 1} is returned; what was read is still handed
     * on, so that the parser reports it. A value longer than the limit is passed over, not kept: its returned length
     * is then above the limit, and its bytes are gone.
     */
    private int frameValue() throws IOException {
        int depth = 0;
        boolean inString = false;
        boolean scalar = buffer[position] != '{' && buffer[position] != '[' && buffer[position] != '"';
        long dropped = 0;
        int i = position;
        while (true) {
            if (i == end) {
                int kept = i - position;
                if (kept > maxRecordBytes) {
                    dropped += kept;
                    position = i;
                    kept = 0;
                }
                if (!fill()) {
                    return cut(dropped);
                }
                i = position + kept;
            }
            byte b = buffer[i];
            if (inString) {
                while (b != '"' && b != '\\' && ++i < end) {
                    b = buffer[i];
                }
                if (i == end) {
                    continue;
                }
                if (b == '\\') {
                    if (i + 1 == end) {
                        // the escaped byte is read with the next fill, and the backslash looked at again
                        int kept = i - position;
                        if (!fill()) {
                            return cut(dropped);
                        }
                        i = position + kept;
                        continue;
                    }
                    i += 2;
                    continue;
                }
                inString = false;
                i++;
                if (depth == 0) {
                    return closeAt(i, dropped);
                }
                continue;
            }
            if (scalar) {
                if (b == ',' || b == ']' || b == '}' || b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                    return closeAt(i, dropped);
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if (b == '}' || b == ']') {
                if (--depth <= 0) {
                    return closeAt(i + 1, dropped);
                }
            } else if (b == '\n') {
                line++;
            }
            i++;
        }
    }

    /** The input ended inside the value, whose bytes so far end the buffer: {@code -length - 1}. */
    private int cut(long dropped) {
        long length = dropped + (end - position);
        position = end;
        return (int) -Math.min(length, Integer.MAX_VALUE - 1L) - 1;
    }

    /** Ends the value just before {@code i}: the framing goes on from there. */
    private int closeAt(int i, long dropped) {
        long length = dropped + (i - position);
        position = i;
        return (int) Math.min(length, Integer.MAX_VALUE - 1L);
    }

    /** The line the framing stopped on. */
    long line() {
        return line;
    }

    /** The input from where the framing stopped. */
    InputStream rest() {
        return new SequenceInputStream(new ByteArrayInputStream(buffer, position, end - position), in);
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

    /**
     * Reads more input behind the unread bytes, which move to the front of the buffer (and the buffer grows when they
     * fill it); false at the end of the input.
     */
    private boolean fill() throws IOException {
        int unread = end - position;
        if (unread == buffer.length || buffer.length < READ_SIZE) {
            // Small at first for the one-event inputs of a function, then reads of 64 KiB; a record never keeps more
            // than the limit (the framing drops it first), so that is as far as the buffer grows.
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxRecordBytes + READ_SIZE));
        }
        System.arraycopy(buffer, position, buffer, 0, unread);
        position = 0;
        end = unread;
        int n = in.read(buffer, end, buffer.length - end);
        if (n > 0) {
            end += n;
        }
        return n > 0;
    }
}
