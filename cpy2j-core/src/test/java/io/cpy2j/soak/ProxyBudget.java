package io.cpy2j.soak;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces proxy churn at a rate (the 100,000 a minute): batches take what is due, so the soak makes
 * and drops proxies steadily instead of as fast as the machine allows, and counts every one it made.
 */
final class ProxyBudget {

    private final double perNano;
    private final AtomicLong made = new AtomicLong();
    private volatile long start = System.nanoTime();

    ProxyBudget(long perMinute) {
        this.perNano = perMinute / (double) TimeUnit.MINUTES.toNanos(1);
    }

    /** Starts counting afresh (after the warm-up). */
    void restart() {
        made.set(0);
        start = System.nanoTime();
    }

    /** Up to {@code max} proxies that are due now, counted as made; 0 when the soak is ahead of its rate. */
    int take(int max) {
        while (true) {
            long now = made.get();
            long due = (long) ((System.nanoTime() - start) * perNano) - now;
            int grant = (int) Math.min(max, due);
            if (grant <= 0) {
                return 0;
            }
            if (made.compareAndSet(now, now + grant)) {
                return grant;
            }
        }
    }

    /** A proxy made outside a batch (by {@code create}). */
    void madeOne() {
        made.incrementAndGet();
    }

    /** Proxies taken but not made: their call failed. */
    void giveBack(int count) {
        made.addAndGet(-count);
    }

    long made() {
        return made.get();
    }
}
