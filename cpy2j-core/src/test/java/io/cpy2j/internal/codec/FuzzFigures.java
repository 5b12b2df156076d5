package io.cpy2j.internal.codec;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one fuzz test saw: how its inputs ended (decoded, or which documented exception), the slowest
 * single input and the total time, for the reliability report.
 */
final class FuzzFigures {

    private final String test;
    private final long seed;
    private final String limit;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private final long started = System.nanoTime();
    private long inputs;
    private long slowestNanos;
    private long totalNanos;

    /** {@code limit} says what bounds an input's allocations (the frame limit, when there is one). */
    FuzzFigures(String test, long seed, String limit) {
        this.test = test;
        this.seed = seed;
        this.limit = limit;
    }

    /** One input that ended with {@code outcome} after {@code nanos}. */
    void record(String outcome, long nanos) {
        inputs++;
        outcomes.merge(outcome, 1L, Long::sum);
        slowestNanos = Math.max(slowestNanos, nanos);
        totalNanos = System.nanoTime() - started;
    }

    /** An exception's outcome: its class, and the documented type it was accepted as. */
    static String outcome(Throwable e, Class<?> documented) {
        String name = e.getClass().getSimpleName();
        return e.getClass() == documented ? name : name + " (subclass of " + documented.getSimpleName() + ")";
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "### %s%n%n%,d inputs, seed %d, %s; slowest input %.2f ms, all of them "
                        + "%.1f s.%n%n| outcome | inputs |%n|---|---|%n", test, inputs, seed, limit, slowestNanos / 1e6,
                totalNanos / 1e9));
        outcomes.forEach((outcome, count) -> md.append(String.format(Locale.ROOT, "| %s | %,d |%n", outcome, count)));
        return md.append('\n').toString();
    }
}
