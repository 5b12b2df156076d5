package io.cpy2j.internal.kernel;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One JVM-wide timer thread for the kernel's deadlines: writes stuck past their call's deadline, and
 * asynchronous calls that time out. Its tasks only look and hand over; nothing slow runs on it. Most are
 * cancelled when their call ends in time, and a cancelled task leaves the queue at once.
 */
final class KernelTimer {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private KernelTimer() {
    }

    static ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return TIMER.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "cpy2j-kernel-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
