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
     * What writing values on this thread did since the last receipt was taken whose outcome depends on the
     * message: twin objects exported (the peer will hold references to them) and functions sent in full (the
     * peer will know them). Whoever writes a message takes the receipt right after writing it, also when the
     * writing failed, and settles it once the message's fate is known. A receipt that is never settled keeps
     * its exports and leaves its functions unconfirmed: the safe reading of "the peer may have it".
     */
    default Receipt takeReceipt() {
        return Receipt.NONE;
    }

    /** The part of a written message that depends on whether the peer gets it; see {@link #takeReceipt}. */
    interface Receipt {

        /** A receipt for a message that carried nothing depending on its fate. */
        Receipt NONE = new Receipt() {
            @Override
            public void delivered() {
            }

            @Override
            public void notSent() {
            }
        };

        /** The peer has read the message (its reply came): functions sent in full are known there now. */
        void delivered();

        /**
         * The message never left this runtime (it could not be written, was over the frame limit, or the
         * connection was gone): its exports are undone, or they would pin their objects for ever.
         */
        void notSent();
    }

    /**
     * Writes an exception so that the other side can rethrow it with its own type and message, in at
     * most {@code maxBytes} (cut down when the whole would not fit).
     */
    void writeThrowable(DataOutput out, Throwable error, int maxBytes) throws IOException;

    Throwable readThrowable(DataInput in) throws IOException;
}
