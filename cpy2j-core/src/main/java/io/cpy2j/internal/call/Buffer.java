package io.cpy2j.internal.call;

import java.io.ByteArrayOutputStream;

/** A growable byte array whose contents the kernel can write without another copy. */
final class Buffer extends ByteArrayOutputStream {

    Buffer() {
        super(128);
    }

    byte[] array() {
        return buf;
    }
}
