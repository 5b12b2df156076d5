package io.cpy2j.demo.series;

import io.cpy2j.demo.series.SumSeries.SeriesPoint;
import java.util.List;

/**
 * One timed run of {@code sum_series}.
 *
 * @param mode    pinned (to a twin) or unpinned (in the master)
 * @param runtime where it ran: the twin's id or master
 * @param java    the Java version there
 * @param millis  as the master's caller saw it, the trip to the twin included
 * @param series  what it answered
 */
public record SeriesRun(String mode, String runtime, String java, double millis, List<SeriesPoint> series) {
}
