package io.cpy2j.internal.call;

/** Thread settings shared by the pools that serve calls. */
public final class Threads {

    /**
     * Stack size of threads that serve calls. A chain of calls back and forth runs on one thread per
     * side, each level adding frames, so these threads get more stack than the default (only reserved
     * address space until used).
     */
    public static final long DEEP_STACK = 16L * 1024 * 1024;

    private Threads() {
    }
}
