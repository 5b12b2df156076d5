package io.cpy2j.internal.kernel;

import java.util.Arrays;

/**
 * The ids of the peer's requests this thread is serving, innermost last. A request this thread sends
 * carries the innermost one as {@code nestedIn}, so the peer runs it on the thread that waits for it.
 */
final class CallChain {

    private long[] ids = new long[8];
    private int size;

    long innermost() {
        return size == 0 ? 0 : ids[size - 1];
    }

    void push(long id) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
        }
        ids[size++] = id;
    }

    void pop() {
        size--;
    }
}
