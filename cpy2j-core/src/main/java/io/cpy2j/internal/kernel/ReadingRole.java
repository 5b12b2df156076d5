package io.cpy2j.internal.kernel;

import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.FrameReader;
import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The right to read the channel (leader/followers): at most one thread holds it at a time. Callers
 * that wait for a reply take it when it is free; those that find it taken park in a queue and the
 * holder wakes the first of them when it resigns. The invariants that keep a waiter from waiting for
 * ever are listed in docs/architecture.md ("The reading role's invariants").
 */
final class ReadingRole {

    private final FrameReader reader;
    /** Runs when the role becomes free and nobody is parked for it: somebody else may need a reader. */
    private final Runnable onFreeUnclaimed;
    /** Runs before a reader blocks with frames still unsent in the output buffer. */
    private final Runnable beforeBlocking;
    private final AtomicReference<Thread> leader = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Waiter> parked = new ConcurrentLinkedQueue<>();
    private volatile boolean readerMayBlock;

    ReadingRole(FrameReader reader, Runnable beforeBlocking, Runnable onFreeUnclaimed) {
        this.reader = reader;
        this.beforeBlocking = beforeBlocking;
        this.onFreeUnclaimed = onFreeUnclaimed;
    }

    boolean tryLead() {
        return leader.get() == null && leader.compareAndSet(null, Thread.currentThread());
    }

    boolean isFree() {
        return leader.get() == null;
    }

    boolean isHeldByCurrentThread() {
        return leader.get() == Thread.currentThread();
    }

    /** Gives the role up and wakes the first caller parked for it; returns {@code frame} for chaining. */
    Frame resignWith(Frame frame) {
        leader.set(null);
        Waiter next = parked.peek();
        if (next != null) {
            next.wake();
        } else {
            onFreeUnclaimed.run();
        }
        return frame;
    }

    /** Before trying to lead, so that a holder resigning in between wakes this waiter. */
    void queue(Waiter waiter) {
        parked.add(waiter);
    }

    void leaveQueue(Waiter waiter) {
        parked.remove(waiter);
    }

    /** Whether the holder is (about to be) blocked in a read waiting for the peer. */
    boolean readerMayBlock() {
        return readerMayBlock;
    }

    /** True when the next {@link #read()} will not wait for the peer; only for the holder. */
    boolean hasCompleteFrame() {
        return reader.hasCompleteFrame();
    }

    /**
     * Reads the next frame; only for the holder. A holder never writes: if both sides could block
     * writing into full pipes with nobody reading, they would wait for each other for ever. So frames
     * left in the output buffer are handed to another thread to flush before this one blocks.
     */
    Frame read() throws IOException {
        if (!reader.hasCompleteFrame()) {
            // Writers check the flag after writing (see Kernel.submit), so one of us sees the other.
            readerMayBlock = true;
            beforeBlocking.run();
        }
        try {
            return reader.read();
        } finally {
            readerMayBlock = false;
        }
    }
}
