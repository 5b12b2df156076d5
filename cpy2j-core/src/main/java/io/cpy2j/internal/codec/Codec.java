package io.cpy2j.internal.codec;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * Turns the values of a call into bytes and back. The kernel only moves bytes; everything about
 * what a value is (copied or referenced, which encoding) lives behind this interface.
 */
public interface Codec {

    /**
     * Writes one value. Fails with {@link io.cpy2j.TwinSerializationException} before anything leaves
     * this runtime when the value cannot be sent; {@code where} names the place for that message
     * ("argument 2 of Functions::render").
     */
    void writeValue(DataOutput out, Object value, Supplier<String> where) throws IOException;

    Object readValue(DataInput in) throws IOException;

    /**
     * What writing values on this thread left to confirm (a function sent in full, say); the caller
     * hands it to {@link #delivered} once the peer has read the call.
     */
    default Object takePending() {
        return null;
    }

    default void delivered(Object pending) {
    }

    /**
     * Writes an exception so that the other side can rethrow it with its own type and message, in at
     * most {@code maxBytes} (cut down when the whole would not fit).
     */
    void writeThrowable(DataOutput out, Throwable error, int maxBytes) throws IOException;

    Throwable readThrowable(DataInput in) throws IOException;
}
