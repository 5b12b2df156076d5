package io.cpy2j.internal.object;

import java.util.Arrays;

/** Ids and receipt counts of collected proxies, waiting to be sent in one message. Not thread-safe. */
final class ReleaseBatch {

    private static final int INITIAL = 64;

    private long[] ids = new long[INITIAL];
    private long[] counts = new long[INITIAL];
    private int size;

    record Drained(long[] ids, long[] counts) {
    }

    void add(long id, long count) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
        }
        ids[size] = id;
        counts[size] = count;
        size++;
    }

    /** Everything added so far, or {@code null} if nothing was; empties the batch. */
    Drained drain() {
        if (size == 0) {
            return null;
        }
        Drained drained = new Drained(Arrays.copyOf(ids, size), Arrays.copyOf(counts, size));
        size = 0;
        if (ids.length > INITIAL * 16) { // a burst grew it: do not keep its arrays for the connection's life
            ids = new long[INITIAL];
            counts = new long[INITIAL];
        }
        return drained;
    }
}
