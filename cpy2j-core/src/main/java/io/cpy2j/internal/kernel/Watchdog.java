package io.cpy2j.internal.kernel;

import io.cpy2j.internal.protocol.Frame;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The reader of last resort, on a thread of its own. It takes the reading role when nobody has used the
 * channel for two rounds, so that requests are read while every other reader is busy running a long
 * request and the peer's end is noticed when idle; and at once when a caller with a deadline needs a
 * reader (such a caller never blocks in a read itself, which it could not leave when its time is up).
 */
final class Watchdog implements Runnable {

    /** How often it looks whether the reading role has been left unused. */
    private static final long WATCH_NANOS = 1_000_000;
    /** ... and how long it rests while a reader is waiting in a read: nothing can go unread then. */
    private static final long IDLE_WATCH_NANOS = 10_000_000;

    private final Kernel kernel;
    private final AtomicLong activity = new AtomicLong();
    private final AtomicLong timedWaiters = new AtomicLong();
    private volatile Thread thread;

    Watchdog(Kernel kernel) {
        this.kernel = kernel;
    }

    Thread start(String threadName) {
        Thread started = new Thread(this, threadName);
        started.setDaemon(true);
        thread = started;
        started.start();
        return started;
    }

    /** Somebody used the channel: no need to read on its behalf yet. */
    void touched() {
        activity.incrementAndGet();
    }

    void timedWaiterArrived() {
        timedWaiters.incrementAndGet();
        summonIfNeeded();
    }

    void timedWaiterLeft() {
        timedWaiters.decrementAndGet();
    }

    /** Wakes the watchdog to read now if a caller with a deadline waits and nobody reads. */
    void summonIfNeeded() {
        Thread watching = thread;
        if (timedWaiters.get() > 0 && watching != null && kernel.role().isFree()) {
            LockSupport.unpark(watching);
        }
    }

    @Override
    public void run() {
        long seen = -1;
        while (kernel.isOpen()) {
            long now = activity.get();
            boolean wanted = timedWaiters.get() > 0;
            if ((wanted || now == seen) && kernel.role().tryLead()) {
                Frame frame = kernel.readUntil(kernel::isTopLevelRequest, 1, false);
                if (frame != null && frame != Waiter.CLOSED) {
                    kernel.serveOnPool(frame);
                }
                if (wanted) {
                    continue; // keep reading while callers with deadlines wait
                }
            }
            seen = now;
            ReadingRole role = kernel.role();
            LockSupport.parkNanos(this, !role.isFree() && role.readerMayBlock() ? IDLE_WATCH_NANOS : WATCH_NANOS);
        }
    }
}
