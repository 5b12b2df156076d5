package io.cpy2j.internal.protocol;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;

/**
 * One received frame. {@code nestedIn} is non-zero when a request is made on behalf of a request the
 * receiver sent earlier (a callback): the receiver then runs it on the thread that waits for that one.
 */
public record Frame(byte kind, long id, long nestedIn, byte[] data, int bodyOffset) {

    public DataInputStream body() {
        return new DataInputStream(new ByteArrayInputStream(data, bodyOffset, data.length - bodyOffset));
    }

    public int bodyLength() {
        return data.length - bodyOffset;
    }
}
