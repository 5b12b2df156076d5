package io.cpy2j.demo.series;

import java.util.ArrayList;
import java.util.List;

/**
 * cpy2py's tutorial number cruncher, {@code sum_series}: for n = 0, max/10, 2·max/10 ... max, the sum of
 * 0 to n - 1, added one by one on purpose (the work is the point).
 */
public final class SumSeries {

    private SumSeries() {
    }

    public static List<SeriesPoint> sumSeries(long maxN) {
        long step = maxN / 10;
        List<SeriesPoint> series = new ArrayList<>();
        for (long n = 0; n <= maxN; n += step) {
            series.add(new SeriesPoint(n, sumRange(n)));
        }
        return series;
    }

    private static long sumRange(long n) {
        long total = 0;
        for (long i = 0; i < n; i++) {
            total += i;
        }
        return total;
    }

    /** One line of the tutorial's output: {@code n => total}. */
    public record SeriesPoint(long n, long total) {
    }
}
