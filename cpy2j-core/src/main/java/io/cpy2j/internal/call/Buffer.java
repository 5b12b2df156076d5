package io.cpy2j.internal.call;

import java.io.ByteArrayOutputStream;

/** A growable byte array whose contents the kernel can write without another copy. */
final class Buffer extends ByteArrayOutputStream {

    Buffer() {
        super(128);
    }

    /** Room for the arguments' byte arrays up front, so a large one is not copied while the buffer grows. */
    static Buffer sizedFor(Object[] args) {
        long size = 256;
        for (Object arg : args) {
            if (arg instanceof byte[] bytes) {
                size += bytes.length + 8;
            }
        }
        return new Buffer((int) Math.min(size, Integer.MAX_VALUE - 16));
    }

    static Buffer sizedFor(Object result) {
        return result instanceof byte[] bytes ? new Buffer(bytes.length + 64) : new Buffer();
    }

    private Buffer(int size) {
        super(size);
    }

    byte[] array() {
        return buf;
    }
}
