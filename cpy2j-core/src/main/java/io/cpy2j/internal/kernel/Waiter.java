package io.cpy2j.internal.kernel;

import io.cpy2j.internal.protocol.Frame;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The mailbox of a thread blocked in {@link Kernel#call}: its reply arrives here, and so do the
 * peer's nested requests (callbacks) that belong to its call chain, which it serves while waiting.
 */
final class Waiter {

    /** Put in the mailbox when the channel closes, so a waiting thread always has a reason to wake. */
    static final Frame CLOSED = new Frame((byte) 0, 0, 0, new byte[0], 0);

    private final LinkedBlockingQueue<Frame> inbox = new LinkedBlockingQueue<>();

    void deliver(Frame frame) {
        inbox.add(frame);
    }

    Frame take() throws InterruptedException {
        return inbox.take();
    }
}
