package io.cpy2j.internal.object;

/**
 * When a table that grew should be rebuilt smaller. A {@code HashMap} never shrinks: a burst of 100,000
 * objects leaves tables sized for 100,000 after they are all released, held as long as the connection
 * lives. Rebuilding once the table holds an eighth of its peak (and the peak was worth it) keeps the
 * memory in proportion to the live objects at an amortised cost of one copy per entry removed.
 */
final class ShrinkPolicy {

    /** Below this peak a table is small enough to keep as it is. */
    private static final int WORTH_IT = 1024;

    private int peak;

    /** Records the size after an addition. */
    void grew(int size) {
        peak = Math.max(peak, size);
    }

    /** After a removal: whether to rebuild now; if so, the current size is the new peak. */
    boolean shouldShrink(int size) {
        if (peak < WORTH_IT || size > peak / 8) {
            return false;
        }
        peak = size;
        return true;
    }
}
