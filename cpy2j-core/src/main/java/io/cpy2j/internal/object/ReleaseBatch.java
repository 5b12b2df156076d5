package io.cpy2j.internal.object;

import java.util.Arrays;

/** Ids and receipt counts of collected proxies, waiting to be sent in one message. Not thread-safe. */
final class ReleaseBatch {

    private long[] ids = new long[64];
    private long[] counts = new long[64];
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
        return drained;
    }
}
