package io.firewatch.core.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it and without ever holding more than {@code max} bytes of one
 * line: a longer line is consumed and flagged, not kept. Reads only what the stream has, so a live stream's lines are
 * returned as they arrive.
 */
final class LineReader {
    private final InputStream in;
    private final int max;
    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int end;
    private byte[] line = new byte[1 << 12];
    private int length;
    private boolean tooLong;
    private long number;

    LineReader(InputStream in, int max) {
        this.in = in;
        this.max = max;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                int n = in.read(chunk);
                if (n < 0) {
                    if (any) {
                        number++;
                        return true;
                    }
                    return false;
                }
                pos = 0;
                end = n;
                continue;
            }
            any = true;
            int i = pos;
            while (i < end && chunk[i] != '\n') {
                i++;
            }
            append(pos, i - pos);
            if (i < end) {
                pos = i + 1;
                number++;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
            pos = end;
        }
    }

    private void append(int from, int n) {
        if (tooLong || length + n > max) {
            tooLong = true;
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(max, Math.max(line.length * 2, length + n)));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean tooLong() {
        return tooLong;
    }

    long number() {
        return number;
    }

    boolean blank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** True when more input is already at hand, so reading the next line will not wait. */
    boolean hasBuffered() throws IOException {
        return pos < end || in.available() > 0;
    }

    /** The current line, a newline, and everything not yet read, as one stream again. */
    InputStream currentAndRest() {
        byte[] head = Arrays.copyOf(line, length + 1);
        head[length] = '\n';
        return new SequenceInputStream(new ByteArrayInputStream(head),
                new SequenceInputStream(new ByteArrayInputStream(chunk, pos, end - pos), in));
    }
}
