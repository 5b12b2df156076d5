package io.cpy2j.soak;

import java.time.Duration;
import java.util.List;

/**
 * The figures of one soak, for the report and the assertions.
 *
 * @param seconds      how long the load ran after the warm-up
 * @param warmUp       the warm-up's length, before the baseline was taken
 * @param seed         the seed of the threads' random mixes
 * @param twinJdk      the twin's Java version and vendor
 * @param interval     the time between restarts
 * @param load         the soak's counters (the warm-up's are not included)
 * @param proxiesMade  proxies of twin objects made in the master and dropped
 * @param downtimes    each restart, from the kill until the twin ran again
 * @param baseline     after the warm-up, once its objects were released
 * @param end          after the soak, once everything was back or the wait ran out
 * @param settled      how long the end waited for that
 */
record SoakRun(long seconds, long warmUp, long seed, String twinJdk, Duration interval, SoakLoad load,
               long proxiesMade, List<Duration> downtimes, Footprint baseline, Footprint end, Duration settled) {

    static final double HEAP_TOLERANCE = 0.10;

    /** The rate: 100,000 proxies made and dropped a minute. */
    static final long PROXIES_PER_MINUTE = 100_000;

    /** Proxies the rate asks for over the soak; a soak that makes fewer than 90% of them falls short. */
    long proxiesDue() {
        return PROXIES_PER_MINUTE * seconds / 60;
    }

    boolean enoughProxies() {
        return proxiesMade >= proxiesDue() * 9 / 10;
    }

    /** The used heap's change from the baseline, in percent (negative: less than then). */
    double heapChangePercent() {
        return 100.0 * (end.heapAfterGc() - baseline.heapAfterGc()) / baseline.heapAfterGc();
    }

    /** A heap that grew by more than the tolerance kept something; one that shrank kept nothing. */
    boolean heapHeld() {
        return end.heapAfterGc() <= baseline.heapAfterGc() * (1 + HEAP_TOLERANCE);
    }
}
