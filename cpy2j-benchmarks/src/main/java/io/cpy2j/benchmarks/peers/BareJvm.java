package io.cpy2j.benchmarks.peers;

/** The start-up baseline: a JVM that prints one line and exits. */
public final class BareJvm {

    public static final String READY = "ready";

    private BareJvm() {
    }

    public static void main(String[] args) {
        System.out.println(READY);
    }
}
