package io.cpy2j.internal.protocol;

/**
 * Constants of the wire protocol. Every frame is {@code int length} then {@code length} bytes:
 * {@code byte kind, long id, long nestedIn}, then the body. See docs/architecture.md.
 */
public final class Protocol {

    /** Bumped on any change to frames, kinds, ops or value encoding; a mismatch is refused at handshake. */
    public static final int VERSION = 2;

    /** Written by the twin before its handshake so the master can skip anything the JVM printed first. */
    public static final byte[] MAGIC = {0x00, 'C', 'P', 'Y', '2', 'J', 0x01, '\n'};

    public static final byte KIND_HELLO = 1;
    public static final byte KIND_REQUEST = 2;
    public static final byte KIND_REPLY_OK = 3;
    public static final byte KIND_REPLY_ERROR = 4;

    /** The master's id in every runtime: twins name the master by it, and no twin may take it. */
    public static final String MASTER_ID = "master";

    /** kind + id + nestedIn */
    public static final int HEADER_SIZE = 1 + 8 + 8;

    public static final int DEFAULT_MAX_FRAME_SIZE = 256 * 1024 * 1024;

    private Protocol() {
    }
}
