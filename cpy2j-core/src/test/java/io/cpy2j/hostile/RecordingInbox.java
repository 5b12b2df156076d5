package io.cpy2j.hostile;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** The master's {@link Inbox}: keeps what it was given and counts the slow calls running at once. */
public final class RecordingInbox implements Inbox {

    public final List<Object> received = new CopyOnWriteArrayList<>();
    public final AtomicInteger running = new AtomicInteger();
    public final AtomicInteger mostAtOnce = new AtomicInteger();

    /** Not part of {@link Inbox}: a restricted twin given the inbox may not call it. */
    public void reset() {
        GadgetLog.RAN_IN_MASTER.set(true);
    }

    @SuppressWarnings("unused") // called only by a hostile twin, which must fail to
    private void secret() {
        GadgetLog.RAN_IN_MASTER.set(true);
    }

    public static void wipe() {
        GadgetLog.RAN_IN_MASTER.set(true);
    }

    @Override
    public void accept(Object value) {
        received.add(value);
    }

    @Override
    public String slow() {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.decrementAndGet();
        }
        return "slow";
    }
}
