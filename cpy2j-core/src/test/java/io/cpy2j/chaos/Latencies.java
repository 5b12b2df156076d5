package io.cpy2j.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Durations measured across trials, summed up as the report's max, p50 and p99 (in milliseconds). */
final class Latencies {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    int count() {
        return nanos.size();
    }

    long maxNanos() {
        return sorted().stream().reduce(0L, Math::max);
    }

    /** The nearest-rank percentile: p99 of 100 values is the 99th smallest. */
    long percentileNanos(double percent) {
        List<Long> sorted = sorted();
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
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

    private List<Long> sorted() {
        synchronized (nanos) {
            List<Long> copy = new ArrayList<>(nanos);
            Collections.sort(copy);
            return copy;
        }
    }
}
