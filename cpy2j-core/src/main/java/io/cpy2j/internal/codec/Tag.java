package io.cpy2j.internal.codec;

/** First byte of every encoded value: small, common values get their own tag and skip Jackson. */
final class Tag {
    static final byte NULL = 0;
    static final byte TRUE = 1;
    static final byte FALSE = 2;
    static final byte BYTE = 3;
    static final byte SHORT = 4;
    static final byte CHAR = 5;
    static final byte INT = 6;
    static final byte LONG = 7;
    static final byte FLOAT = 8;
    static final byte DOUBLE = 9;
    static final byte STRING = 10;
    static final byte BYTES = 11;
    static final byte OPTIONAL_EMPTY = 12;
    static final byte OPTIONAL = 13;
    /** Jackson JSON with default typing: records, POJOs, collections, maps, enums, java.time. */
    static final byte JSON = 20;
    /** A serializable lambda that captures values: its shape, then the captured values. */
    static final byte LAMBDA = 21;
    /** A lambda that captures nothing: int id, then its shape until the peer is known to have it. */
    static final byte FUNCTION = 23;
    /** A record: UTF class name, then each component as a value. */
    static final byte RECORD = 24;
    /** A twin reference given directly as an argument or result. */
    static final byte REF = 22;

    private Tag() {
    }
}
