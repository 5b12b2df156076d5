package io.cpy2j.internal.protocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes frames; many threads share one writer, so a whole frame is written under one lock. A frame
 * may be left in the buffer ({@code flush == false}) when more are about to follow: the kernel flushes
 * before any thread waits, so frames written together leave in one system call.
 */
public final class FrameWriter {

    private final OutputStream out;
    private final byte[] header = new byte[4 + Protocol.HEADER_SIZE];
    private volatile boolean dirty;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    public void write(byte kind, long id, long nestedIn, byte[] body, int bodyLength) throws IOException {
        write(kind, id, nestedIn, body, bodyLength, true);
    }

    public void write(byte kind, long id, long nestedIn, byte[] body, int bodyLength, boolean flush)
            throws IOException {
        synchronized (header) {
            putInt(header, 0, Protocol.HEADER_SIZE + bodyLength);
            header[4] = kind;
            putLong(header, 5, id);
            putLong(header, 13, nestedIn);
            out.write(header);
            out.write(body, 0, bodyLength);
            if (flush) {
                out.flush();
                dirty = false;
            } else {
                dirty = true;
            }
        }
    }

    /** Whether frames wait in the buffer. */
    public boolean isDirty() {
        return dirty;
    }

    /** Sends what was left in the buffer, if anything. Cheap when there is nothing. */
    public void flush() throws IOException {
        if (dirty) {
            synchronized (header) {
                if (dirty) {
                    dirty = false;
                    out.flush();
                }
            }
        }
    }

    public void writeRaw(byte[] bytes) throws IOException {
        synchronized (header) {
            out.write(bytes);
            out.flush();
        }
    }

    private static void putInt(byte[] target, int offset, int value) {
        for (int i = 3; i >= 0; i--) {
            target[offset + i] = (byte) value;
            value >>>= 8;
        }
    }

    private static void putLong(byte[] target, int offset, long value) {
        for (int i = 7; i >= 0; i--) {
            target[offset + i] = (byte) value;
            value >>>= 8;
        }
    }
}
