package io.cpy2j.internal.object;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends proxy releases in batches from one background thread: a collected proxy costs no message
 * of its own, and never blocks the thread that dropped it.
 */
final class Releaser {

    /** How long releases gather before they are sent. */
    private static final long BATCH_MILLIS = 50;

    private static final Set<ObjectSpace> PENDING = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cpy2j-releaser");
        thread.setDaemon(true);
        return thread;
    });

    private Releaser() {
    }

    static void schedule(ObjectSpace space) {
        if (PENDING.add(space)) {
            THREAD.schedule(() -> flush(space), BATCH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private static void flush(ObjectSpace space) {
        PENDING.remove(space);
        try {
            space.flushReleases();
        } catch (RuntimeException e) {
            // the peer is gone: its objects went with it, nothing is left to release
        }
    }
}
