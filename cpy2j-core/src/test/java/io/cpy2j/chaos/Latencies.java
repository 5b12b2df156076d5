package io.cpy2j.chaos;

import java.util.Arrays;
import java.util.Locale;

/**
 * Durations measured across trials, summed up as the report's max, p50 and p99 (in milliseconds). Kept
 * as primitive longs: a trial that records a million calls must not measure its own records as the
 * master's heap growth ({@link #retainedBytes} says what they take).
 */
final class Latencies {

    private long[] nanos = new long[1024];
    private int count;

    synchronized void add(long durationNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = durationNanos;
    }

    synchronized int count() {
        return count;
    }

    /** The heap the records themselves hold. */
    synchronized long retainedBytes() {
        return 8L * nanos.length;
    }

    long maxNanos() {
        long[] sorted = sorted();
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    /** The nearest-rank percentile: p99 of 100 values is the 99th smallest. */
    long percentileNanos(double percent) {
        long[] sorted = sorted();
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** "max 12.3 ms, p50 4.0 ms, p99 11.9 ms (n = 500)". */
    String summary() {
        return String.format(Locale.ROOT, "max %s, p50 %s, p99 %s (n = %d)", millis(maxNanos()),
                millis(percentileNanos(50)), millis(percentileNanos(99)), count());
    }

    /** A Markdown table row: label, n, max, p50, p99. */
    String row(String label) {
        return String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |", label, count(), millis(maxNanos()),
                millis(percentileNanos(50)), millis(percentileNanos(99)));
    }

    static String header() {
        return "| measured | n | max | p50 | p99 |\n|---|---|---|---|---|";
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return copy;
    }
}
