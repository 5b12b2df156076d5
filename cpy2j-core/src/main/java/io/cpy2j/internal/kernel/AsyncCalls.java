package io.cpy2j.internal.kernel;

import io.cpy2j.TwinException;
import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.Protocol;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Calls nobody waits for: each has a future, completed by whichever thread reads its reply. A pump task
 * on the pool sends and reads while such calls are out, since no caller is there to read for them.
 */
final class AsyncCalls {

    /**
     * Outstanding at once; more wait. Bounds memory, and keeps the pipes from filling up in both
     * directions: with 16k in flight, throughput swung between 20k and 400k calls/s from run to run as
     * both sides blocked writing; with 1k it holds at 280k-350k on 2 cores.
     */
    private static final int MAX_IN_FLIGHT = 1024;

    private final Kernel kernel;
    private final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicBoolean pumping = new AtomicBoolean();

    AsyncCalls(Kernel kernel) {
        this.kernel = kernel;
    }

    /** See {@link Kernel#submit}. */
    <T> CompletableFuture<T> submit(byte[] body, int length, Function<Reply, T> decode, Deadline deadline) {
        try {
            kernel.checkSize(length);
            acquireSlot();
        } catch (TwinException e) {
            return CompletableFuture.failedFuture(e); // asynchronous calls report every failure in their future
        }
        CompletableFuture<T> future = new CompletableFuture<>();
        long id = kernel.register(id_ -> new Waiter(id_, frame -> deliver(id_, frame, future, decode)));
        inFlight.incrementAndGet();
        try {
            kernel.failIfClosed();
            kernel.sendRequest(id, body, length, deadline);
            if (kernel.role().readerMayBlock()) {
                kernel.flush(); // a reader waits for replies to what is still in our buffer
            }
        } catch (RuntimeException e) {
            finish(id);
            future.completeExceptionally(e);
            return future;
        }
        if (deadline.isSet()) {
            expireAt(id, future, deadline);
        }
        pumpIfNeeded();
        return future;
    }

    boolean anyInFlight() {
        return inFlight.get() > 0;
    }

    /** Makes sure someone sends and reads for outstanding asynchronous calls. */
    void pumpIfNeeded() {
        if (anyInFlight() && pumping.compareAndSet(false, true)) {
            kernel.executor().execute(this::pump);
        }
    }

    private void acquireSlot() {
        try {
            while (!slots.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                kernel.failIfClosed(); // the reason to stop waiting: the channel is gone
                kernel.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinException("interrupted while waiting to submit a call", e);
        }
    }

    /** Fails the future when the deadline passes first; its reply, if it comes, is then dropped. */
    private void expireAt(long id, CompletableFuture<?> future, Deadline deadline) {
        ScheduledFuture<?> timer = KernelTimer.schedule(() -> expire(id, future, deadline), deadline.remainingNanos());
        future.whenComplete((result, error) -> timer.cancel(false)); // in time: the timer goes at once
    }

    /** On the pool, not the timer's thread: the future's continuations run where it completes. */
    private void expire(long id, CompletableFuture<?> future, Deadline deadline) {
        try {
            kernel.executor().execute(() -> {
                if (finish(id)) {
                    future.completeExceptionally(deadline.expired());
                }
            });
        } catch (RejectedExecutionException e) {
            // the pool is shut down: the connection is closed, and closing failed the future already
        }
    }

    private <T> void deliver(long id, Frame frame, CompletableFuture<T> future, Function<Reply, T> decode) {
        if (frame.kind() == Protocol.KIND_REQUEST) {
            kernel.serveOnPool(frame); // a callback of an asynchronous call
            return;
        }
        // Counted out before the future completes, so that whoever it wakes sees the call finished.
        if (!finish(id)) {
            return; // timed out meanwhile
        }
        if (kernel.role().isHeldByCurrentThread()) {
            // Continuations run where the future completes; the reader must not run user code that
            // might call the twin and wait for a reader that is itself.
            try {
                kernel.executor().execute(() -> complete(frame, future, decode));
            } catch (RuntimeException e) { // the pool is shut down (the twin stopped meanwhile): here, then
                complete(frame, future, decode);
            }
        } else {
            complete(frame, future, decode);
        }
    }

    private <T> void complete(Frame frame, CompletableFuture<T> future, Function<Reply, T> decode) {
        if (frame == Waiter.CLOSED) {
            future.completeExceptionally(kernel.closedWith());
            return;
        }
        try {
            future.complete(decode.apply(Reply.of(frame)));
        } catch (Throwable error) { // the remote exception, rethrown by decode: the call's outcome
            future.completeExceptionally(error);
        }
    }

    /** Counts the call out, once: true for the one caller that did. */
    private boolean finish(long id) {
        if (kernel.unregister(id)) {
            inFlight.decrementAndGet();
            slots.release();
            return true;
        }
        return false;
    }

    /** Sends what submitted calls left in the buffer, then reads one frame, while asynchronous calls are out. */
    private void pump() {
        try {
            while (kernel.isOpen()) {
                kernel.flush(); // not holding the reading role: see ReadingRole.read
                if (!anyInFlight() || !kernel.role().tryLead()) {
                    break;
                }
                // An asynchronous reply is kept and completed after resigning, so its continuations run
                // here and not on a reader; every other frame is routed while still reading (invariant 2).
                Frame reply = kernel.readUntil(this::isAsyncReply, 1, false);
                if (reply == Waiter.CLOSED) {
                    break;
                }
                if (reply != null) {
                    kernel.route(reply);
                }
            }
        } finally {
            pumping.set(false);
        }
        if (kernel.role().isFree() && kernel.isOpen()) {
            pumpIfNeeded();
        }
    }

    private boolean isAsyncReply(Frame frame) {
        if (frame.kind() == Protocol.KIND_REQUEST) {
            return false;
        }
        Waiter waiter = kernel.waiterOf(frame.id());
        return waiter != null && waiter.isAsync();
    }
}
