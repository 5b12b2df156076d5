package io.cpy2j.demo.series;

import io.cpy2j.TwinMaster;
import io.cpy2j.Twins;
import io.cpy2j.demo.series.SumSeries.SeriesPoint;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** cpy2py's tutorial, "Pinning a function to an interpreter": the same function, here and in a twin. */
@RestController
class SumSeriesController {

    static final String PINNED_TO = "modern";
    static final long MAX = 500_000_000L;

    private final TwinMaster twin;
    /** cpy2py's {@code @twinfunction('pypy')}: calling it runs sum_series in the twin. */
    private final Function<Long, List<SeriesPoint>> pinned = Twins.function(PINNED_TO, SumSeries::sumSeries);

    SumSeriesController(@Qualifier(PINNED_TO) TwinMaster twin) {
        this.twin = twin;
    }

    /** Both runs, unpinned first, timed by the caller. */
    @PostMapping("/api/sum-series")
    List<SeriesRun> run(@RequestParam(defaultValue = "50000000") long maxN) {
        if (maxN < 10 || maxN > MAX) {
            throw new IllegalArgumentException("maxN must be between 10 and " + MAX + ", was " + maxN);
        }
        SeriesRun unpinned = timed("unpinned", "master", Runtime.version().toString(),
                () -> SumSeries.sumSeries(maxN));
        SeriesRun pinnedRun = timed("pinned", PINNED_TO, twin.javaVersion(), () -> pinned.apply(maxN));
        return List.of(unpinned, pinnedRun);
    }

    private static SeriesRun timed(String mode, String runtime, String java,
                                   Supplier<List<SeriesPoint>> run) {
        long started = System.nanoTime();
        List<SeriesPoint> series = run.get();
        return new SeriesRun(mode, runtime, java, (System.nanoTime() - started) / 1e6, series);
    }
}
