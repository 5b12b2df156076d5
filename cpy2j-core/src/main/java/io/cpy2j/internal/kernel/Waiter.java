package io.cpy2j.internal.kernel;

import io.cpy2j.internal.protocol.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The mailbox of a thread blocked in {@link Kernel#call}: its reply arrives here, and so do the
 * peer's nested requests (callbacks) that belong to its call chain, which it serves while waiting.
 * When no other thread reads the channel, the waiting thread reads it itself instead of parking.
 */
final class Waiter {

    /** Put in the mailbox when the channel closes, so a waiting thread always has a reason to wake. */
    static final Frame CLOSED = new Frame((byte) 0, 0, 0, new byte[0], 0);

    /** Longest a waiter parks before it looks again: a bound, in case a wake-up is ever missed. */
    static final long PARK_NANOS = 10_000_000;

    final long id;
    private final Thread thread = Thread.currentThread();
    private final ConcurrentLinkedQueue<Frame> inbox = new ConcurrentLinkedQueue<>();
    /** Frames in the inbox: a peer sending callbacks faster than they are served must not fill memory. */
    private final AtomicInteger queued = new AtomicInteger();
    /** Set for an asynchronous call: nobody waits, the frame is handled where it is delivered. */
    private final Consumer<Frame> onDelivery;
    private boolean done;

    Waiter(long id) {
        this(id, null);
    }

    Waiter(long id, Consumer<Frame> onDelivery) {
        this.id = id;
        this.onDelivery = onDelivery;
    }

    /** Hands a frame over; false once the waiter has finished, so that the caller can serve it elsewhere. */
    synchronized boolean deliver(Frame frame) {
        if (done) {
            return false;
        }
        if (onDelivery != null) {
            onDelivery.accept(frame);
            return true;
        }
        inbox.add(frame);
        queued.incrementAndGet();
        LockSupport.unpark(thread);
        return true;
    }

    /** Stops taking frames; returns what arrived too late to be read (callbacks to serve elsewhere). */
    synchronized List<Frame> finish() {
        done = true;
        List<Frame> left = new ArrayList<>();
        for (Frame frame = inbox.poll(); frame != null; frame = inbox.poll()) {
            left.add(frame);
        }
        queued.set(0);
        return left;
    }

    boolean isAsync() {
        return onDelivery != null;
    }

    /** Wakes the thread so that it tries to take over reading. */
    void wake() {
        LockSupport.unpark(thread);
    }

    Frame poll() {
        Frame frame = inbox.poll();
        if (frame != null) {
            queued.decrementAndGet();
        }
        return frame;
    }

    int queued() {
        return queued.get();
    }

    void park(long nanos) {
        LockSupport.parkNanos(this, nanos);
    }
}
