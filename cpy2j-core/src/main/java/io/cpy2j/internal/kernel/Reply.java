package io.cpy2j.internal.kernel;

import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.Protocol;
import java.io.DataInputStream;
import java.io.ByteArrayInputStream;

/** The outcome of a request: a body to decode as the result, or as the exception thrown. */
public record Reply(boolean ok, byte[] data, int offset, int length) {

    static Reply of(Frame frame) {
        return new Reply(frame.kind() == Protocol.KIND_REPLY_OK, frame.data(), frame.bodyOffset(), frame.bodyLength());
    }

    public static Reply error(byte[] body) {
        return new Reply(false, body, 0, body.length);
    }

    public DataInputStream body() {
        return new DataInputStream(new ByteArrayInputStream(data, offset, length));
    }
}
