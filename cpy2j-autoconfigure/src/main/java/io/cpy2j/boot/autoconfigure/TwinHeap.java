package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinMaster;
import io.cpy2j.function.TwinSupplier;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A twin's heap, sampled in the twin: used and maximum bytes. Health and metrics ask for it when they
 * are read, waiting at most {@link #WAIT_MILLIS}: a busy or frozen twin shows no heap rather than hold
 * up a health check.
 */
public record TwinHeap(long used, long max) {

    static final long WAIT_MILLIS = 1000;

    /** Runs in the twin. */
    static TwinHeap here() {
        Runtime runtime = Runtime.getRuntime();
        return new TwinHeap(runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory());
    }

    /** The running twin's heap, or empty when it does not run or does not answer in time. */
    public static Optional<TwinHeap> sample(TwinMaster master) {
        if (!master.isAlive()) {
            return Optional.empty();
        }
        try {
            return Optional.of(master.submit((TwinSupplier<TwinHeap, RuntimeException>) TwinHeap::here)
                    .get(WAIT_MILLIS, TimeUnit.MILLISECONDS));
        } catch (Exception e) { // not running any more, busy, frozen: no figure this time
            return Optional.empty();
        }
    }
}
