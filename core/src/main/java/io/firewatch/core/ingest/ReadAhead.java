package io.firewatch.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream on a thread of its own, a few chunks ahead of the consumer, so that inflating a large gzip file
 * overlaps parsing it. Memory stays bounded: at most {@value #CHUNKS} chunks of {@value #CHUNK} bytes wait. A read
 * error reaches the consumer as the same exception, where the data ran out.
 */
final class ReadAhead extends InputStream {
    private static final int CHUNK = 1 << 16;
    private static final int CHUNKS = 4;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<Object> chunks = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread reader;
    private byte[] current = new byte[0];
    private int position;
    private boolean ended;

    ReadAhead(InputStream source) {
        reader = new Thread(() -> {
            try (source) {
                byte[] chunk;
                do {
                    chunk = source.readNBytes(CHUNK);
                    chunks.put(chunk.length == 0 ? END : chunk);
                } while (chunk.length > 0);
            } catch (IOException e) {
                chunks.offer(e);
            } catch (InterruptedException e) {
                // closed by the consumer
            }
        }, "firewatch-read-ahead");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public int read() throws IOException {
        if (!atHand()) {
            return -1;
        }
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!atHand()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current, position, b, off, n);
        position += n;
        return n;
    }

    /** Whether a byte is at hand, waiting for the next chunk if needed; false at the end. */
    private boolean atHand() throws IOException {
        while (position == current.length && !ended) {
            Object next;
            try {
                next = chunks.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading");
            }
            if (next instanceof IOException e) {
                ended = true;
                throw e;
            }
            current = (byte[]) next;
            position = 0;
            ended = current == END;
        }
        return position < current.length;
    }

    @Override
    public void close() {
        ended = true;
        reader.interrupt();
        chunks.clear();
    }
}
