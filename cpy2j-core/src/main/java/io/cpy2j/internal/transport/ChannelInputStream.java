package io.cpy2j.internal.transport;

import java.io.BufferedInputStream;
import java.io.InputStream;

/**
 * A buffered input that tells, without a system call, whether a whole frame is already waiting in
 * its buffer. Only the thread holding the kernel's reading role may ask: it is then the only one that
 * touches the buffer, so no lock is taken (the stream's own lock is held by a reader blocked in read).
 */
public final class ChannelInputStream extends BufferedInputStream {

    public ChannelInputStream(InputStream in, int size) {
        super(in, size);
    }

    /** True when a complete length-prefixed frame is in the buffer, so reading it will not wait. */
    public boolean hasCompleteFrame() {
        int available = count - pos;
        if (available < 4) {
            return false;
        }
        byte[] bytes = buf;
        int length = ((bytes[pos] & 0xff) << 24) | ((bytes[pos + 1] & 0xff) << 16) | ((bytes[pos + 2] & 0xff) << 8)
                     | (bytes[pos + 3] & 0xff);
        return length >= 0 && available - 4 >= length;
    }
}
