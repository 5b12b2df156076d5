package io.cpy2j.internal.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes frames; many threads share one writer, so a whole frame is written under one lock (which a
 * call with a deadline waits for no longer than its deadline). A frame
 * may be left in the buffer ({@code flush == false}) when more are about to follow: the kernel flushes
 * before any thread waits, so frames written together leave in one system call.
 */
public final class FrameWriter {

    private final OutputStream out;
    private final byte[] header = new byte[4 + Protocol.HEADER_SIZE];
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean dirty;
    /** When the write under way began ({@code 0}: none), and the deadline of the call that makes it. */
    private volatile long busySince;
    private volatile long busyDeadline;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    public void write(byte kind, long id, long nestedIn, byte[] body, int bodyLength) throws IOException {
        write(kind, id, nestedIn, body, bodyLength, true);
    }

    public void write(byte kind, long id, long nestedIn, byte[] body, int bodyLength, boolean flush)
            throws IOException {
        lock.lock();
        try {
            writeLocked(kind, id, nestedIn, body, bodyLength, flush, 0);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Like {@link #write}, for a call with a deadline ({@link System#nanoTime()} based): gives up, having
     * written nothing, when the writer is not free by then, and marks the write as overdue (see
     * {@link #isOverdue()}) if it is still blocked in the pipe after it.
     *
     * @return false when nothing was written because the deadline passed first
     */
    public boolean tryWrite(byte kind, long id, long nestedIn, byte[] body, int bodyLength, boolean flush,
                            long deadlineNanos) throws IOException {
        if (!tryLock(deadlineNanos)) {
            return false;
        }
        try {
            writeLocked(kind, id, nestedIn, body, bodyLength, flush, deadlineNanos);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void writeLocked(byte kind, long id, long nestedIn, byte[] body, int bodyLength, boolean flush,
                             long deadlineNanos) throws IOException {
        busyDeadline = deadlineNanos;
        busySince = System.nanoTime();
        try {
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
        } finally {
            busySince = 0;
        }
    }

    private boolean tryLock(long deadlineNanos) {
        try {
            return lock.tryLock(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Whether a write with a deadline is still blocked after it: the peer reads nothing, so the pipe stays
     * full. Such a write cannot be left (a thread in a pipe write cannot be interrupted), and the channel,
     * with half a frame in it, cannot be used again: its owner must end the peer, which fails the write.
     */
    public boolean isOverdue() {
        long deadline = busyDeadline;
        return busySince != 0 && deadline != 0 && System.nanoTime() - deadline > 0;
    }

    /** Whether frames wait in the buffer. */
    public boolean isDirty() {
        return dirty;
    }

    /** Sends what was left in the buffer, if anything. Cheap when there is nothing. */
    public void flush() throws IOException {
        if (dirty) {
            lock.lock();
            try {
                flushLocked(0);
            } finally {
                lock.unlock();
            }
        }
    }

    /** Like {@link #flush()} within a deadline; false when the writer was not free in time. */
    public boolean tryFlush(long deadlineNanos) throws IOException {
        if (!dirty) {
            return true;
        }
        if (!tryLock(deadlineNanos)) {
            return false;
        }
        try {
            flushLocked(deadlineNanos);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void flushLocked(long deadlineNanos) throws IOException {
        if (dirty) {
            busyDeadline = deadlineNanos;
            busySince = System.nanoTime();
            try {
                dirty = false;
                out.flush();
            } finally {
                busySince = 0;
            }
        }
    }

    public void writeRaw(byte[] bytes) throws IOException {
        lock.lock();
        try {
            out.write(bytes);
            out.flush();
        } finally {
            lock.unlock();
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
