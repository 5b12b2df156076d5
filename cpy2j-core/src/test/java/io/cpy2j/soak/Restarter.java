package io.cpy2j.soak;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Restarts the twin the way a crash does: {@code kill -9} of its process while calls go on, and the
 * master's {@code RestartPolicy.onFailure} brings it back. Keeps an epoch that is odd from the kill until
 * the twin runs again, so that a call can tell whether a restart explains its failure.
 */
final class Restarter {

    /** A restart is a start-up (about a second) after a 100 ms backoff; more than this is a failure. */
    static final Duration RESTART_BOUND = Duration.ofSeconds(60);

    private final TwinMaster twin;
    private final AtomicLong epoch = new AtomicLong();
    private final List<Duration> downtimes = new ArrayList<>();

    Restarter(TwinMaster twin) {
        this.twin = twin;
    }

    /** Kills the twin and waits until the policy has started it again; returns how long it was down. */
    Duration restart() throws InterruptedException {
        int restartsBefore = twin.restarts();
        long pid = twin.pid().orElseThrow(() -> new AssertionError("the twin is not running: " + twin.status()));
        long killed = System.nanoTime();
        epoch.incrementAndGet();
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly(); // SIGKILL
        process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        awaitRestart(restartsBefore, killed);
        Duration down = Duration.ofNanos(System.nanoTime() - killed);
        epoch.incrementAndGet();
        downtimes.add(down);
        return down;
    }

    private void awaitRestart(int restartsBefore, long killed) throws InterruptedException {
        while (twin.restarts() <= restartsBefore || twin.state() != TwinState.RUNNING) {
            if (System.nanoTime() - killed > RESTART_BOUND.toNanos()) {
                throw new AssertionError("the twin did not come back within " + RESTART_BOUND + ": " + twin.status());
            }
            Thread.sleep(20);
        }
    }

    /** The epoch now: read before a call, it tells afterwards whether a restart overlapped it. */
    long epoch() {
        return epoch.get();
    }

    /** Whether a restart was under way when the call began, or began while it ran. */
    boolean overlapped(long epochBefore) {
        return epochBefore % 2 == 1 || epoch.get() != epochBefore;
    }

    int count() {
        return downtimes.size();
    }

    List<Duration> downtimes() {
        return List.copyOf(downtimes);
    }
}
