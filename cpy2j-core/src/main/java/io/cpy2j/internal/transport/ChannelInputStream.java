package io.cpy2j.internal.transport;

import java.io.BufferedInputStream;
import java.io.InputStream;

/** A buffered input that tells, without a system call, whether bytes are already waiting in its buffer. */
public final class ChannelInputStream extends BufferedInputStream {

    public ChannelInputStream(InputStream in, int size) {
        super(in, size);
    }

    /** True when the next read will not block (part of a frame is already here). */
    public synchronized boolean hasBuffered() {
        return pos < count;
    }
}
