package io.cpy2j.internal.protocol;

import io.cpy2j.TwinProtocolException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reads length-prefixed frames; one reader thread per channel. */
public final class FrameReader {

    private final InputStream in;
    private final int maxFrameSize;

    public FrameReader(InputStream in, int maxFrameSize) {
        this.in = in;
        this.maxFrameSize = maxFrameSize;
    }

    /** True when the next {@link #read()} will not wait for the peer; only for the thread that reads. */
    public boolean hasCompleteFrame() {
        return in instanceof io.cpy2j.internal.transport.ChannelInputStream channel && channel.hasCompleteFrame();
    }

    /** The next frame; {@link EOFException} when the peer closed the channel. */
    public Frame read() throws IOException {
        int length = readInt();
        if (length < Protocol.HEADER_SIZE || length > maxFrameSize) {
            throw new TwinProtocolException("frame of " + length + " bytes (limit " + maxFrameSize
                    + "): the channel carries something other than cpy2j frames, or the peer's maxFrameSize is larger");
        }
        byte[] data = new byte[length];
        int read = in.readNBytes(data, 0, length); // straight into the frame: no chunks to assemble
        if (read < length) {
            throw new EOFException("channel closed inside a frame");
        }
        return new Frame(data[0], getLong(data, 1), getLong(data, 9), data, Protocol.HEADER_SIZE);
    }

    /** Skips whatever the JVM printed before the twin's magic marker; returns the bytes skipped. */
    public String skipToMagic(int limit) throws IOException {
        StringBuilder skipped = new StringBuilder();
        int matched = 0;
        while (matched < Protocol.MAGIC.length) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("channel closed before the handshake");
            }
            if (b == (Protocol.MAGIC[matched] & 0xff)) {
                matched++;
                continue;
            }
            skipped.append(new String(Protocol.MAGIC, 0, matched, java.nio.charset.StandardCharsets.ISO_8859_1));
            matched = b == Protocol.MAGIC[0] ? 1 : 0;
            if (matched == 0) {
                skipped.append((char) b);
            }
            if (skipped.length() > limit) {
                throw new TwinProtocolException("no cpy2j handshake in the first " + limit + " bytes from the twin");
            }
        }
        return skipped.toString();
    }

    private int readInt() throws IOException {
        int b1 = in.read();
        int b2 = in.read();
        int b3 = in.read();
        int b4 = in.read();
        if ((b1 | b2 | b3 | b4) < 0) {
            throw new EOFException("channel closed");
        }
        return (b1 << 24) | (b2 << 16) | (b3 << 8) | b4;
    }

    private static long getLong(byte[] data, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[offset + i] & 0xffL);
        }
        return value;
    }
}
