package io.cpy2j.benchmarks;

/**
 * The functions called remotely. cpy2j runs them in the twin by method reference; the RMI server
 * delegates to them too, so both peers execute the very same bodies.
 */
public final class Peers {

    private Peers() {
    }

    public static int echo(int value) {
        return value;
    }

    public static byte[] echoBytes(byte[] bytes) {
        return bytes;
    }

    public static Point3 echoRecord(Point3 point) {
        return point;
    }
}
