package io.cpy2j.benchmarks;

import java.util.Random;

/** The values every peer round-trips, made once so that no benchmark measures their creation. */
final class Payloads {

    static final int KIB = 1024;
    static final int MIB = 1024 * 1024;

    static final byte[] BYTES_1KIB = random(KIB);
    static final byte[] BYTES_1MIB = random(MIB);
    static final Point3 POINT = new Point3(3, -7, "origin-ish");

    private Payloads() {
    }

    /** Random rather than zeroes, in case a layer underneath ever compresses. */
    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
