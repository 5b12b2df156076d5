package io.cpy2j.internal.kernel;

import io.cpy2j.TwinException;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.FrameReader;
import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.protocol.Protocol;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * Multiplexed, re-entrant request/reply over one channel; the same class runs on both sides.
 *
 * <p>Reading is a role, not a thread ({@link ReadingRole}): a caller waiting for its reply reads the
 * channel itself when nobody else does, so in the common case its reply reaches it with no hand-off
 * between threads; frames meant for others are put in their mailboxes. A pool thread that has just
 * served a request takes the role again and serves the next request it reads itself. A request nested
 * in one of our pending requests (a callback) goes to the thread waiting for that request, so a chain
 * of calls back and forth runs on one thread per side. Calls nobody waits for are {@link AsyncCalls};
 * what is written goes through the {@link Outbox};
 * the {@link Watchdog} reads when nobody else does.
 */
public final class Kernel {


    private final Outbox outbox;
    private final RequestHandler handler;
    private final Executor executor;
    private final Function<Throwable, TwinException> closeReason;
    private final int maxFrameSize;
    private final int maxServing;
    private final AtomicInteger serving = new AtomicInteger();
    private final ConcurrentHashMap<Long, Waiter> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicBoolean losing = new AtomicBoolean();
    private final ThreadLocal<CallChain> chains = ThreadLocal.withInitial(CallChain::new);
    private final ReadingRole role;
    private final AsyncCalls async = new AsyncCalls(this);
    private final Watchdog watchdog = new Watchdog(this);
    private volatile TwinException closedWith;
    private final CompletableFuture<TwinException> closed = new CompletableFuture<>();

    /**
     * @param closeReason turns the cause of a lost channel (end of stream, an I/O error) into the
     *                    exception every waiting and later caller gets
     */
    public Kernel(FrameReader reader, FrameWriter writer, RequestHandler handler, Executor executor,
                  Function<Throwable, TwinException> closeReason, int maxFrameSize) {
        this(reader, writer, handler, executor, closeReason, maxFrameSize, () -> { });
    }

    /**
     * @param onStuckWrite ends the peer (kills the twin) when a call with a deadline is stuck writing to
     *                     it past the deadline: a pipe write cannot be left otherwise, and the channel
     *                     holds half a frame
     */
    public Kernel(FrameReader reader, FrameWriter writer, RequestHandler handler, Executor executor,
                  Function<Throwable, TwinException> closeReason, int maxFrameSize, Runnable onStuckWrite) {
        this(reader, writer, handler, executor, closeReason, maxFrameSize, onStuckWrite, 0);
    }

    /**
     * @param maxServing how many of the peer's requests may be served at once on the pool; one more loses
     *                   the channel, since a peer flooding us with requests would otherwise get a thread
     *                   each. Callbacks of our own calls run on the waiting threads and do not count. Zero:
     *                   no limit.
     */
    public Kernel(FrameReader reader, FrameWriter writer, RequestHandler handler, Executor executor,
                  Function<Throwable, TwinException> closeReason, int maxFrameSize, Runnable onStuckWrite,
                  int maxServing) {
        this.maxServing = maxServing;
        this.outbox = new Outbox(writer, executor, this::lost, onStuckWrite);
        this.handler = handler;
        this.executor = executor;
        this.closeReason = closeReason;
        this.maxFrameSize = maxFrameSize;
        this.role = new ReadingRole(reader, outbox::flushLaterIfDirty, this::freeUnclaimed);
    }

    /** Starts the watchdog thread; it ends when the channel closes. */
    public Thread start(String threadName) {
        return watchdog.start(threadName);
    }

    /** Sends a request and blocks until its reply, serving callbacks of this call chain meanwhile. */
    public Reply call(byte[] body, int length) {
        return call(body, length, Deadline.NONE);
    }

    /**
     * Like {@link #call(byte[], int)}, failing with {@code deadline}'s exception when it passes first;
     * the reply, when it comes, is then dropped.
     */
    public Reply call(byte[] body, int length, Deadline deadline) {
        checkSize(length);
        long id = ids.incrementAndGet();
        Waiter waiter = new Waiter(id);
        pending.put(id, waiter);
        watchdog.touched();
        try {
            failIfClosed();
            // Written, then flushed outside the write: frames other callers wrote meanwhile leave in the
            // same system call, and their own flush finds nothing left to do.
            outbox.request(waiter.id, chains.get().innermost(), body, length, deadline, true);
            return awaitReply(waiter, deadline);
        } finally {
            pending.remove(waiter.id);
            for (Frame late : waiter.finish()) {
                if (late.kind() == Protocol.KIND_REQUEST) {
                    serveOnPool(late); // routed to us just as we left
                }
            }
        }
    }

    /**
     * Sends a request without waiting: the thread that reads the reply decodes it with {@code decode}
     * and completes the future with the result, or with what {@code decode} threw. Every failure,
     * sending included, completes the future; nothing is thrown.
     */
    public <T> CompletableFuture<T> submit(byte[] body, int length, Function<Reply, T> decode) {
        return async.submit(body, length, decode, Deadline.NONE);
    }

    public <T> CompletableFuture<T> submit(byte[] body, int length, Function<Reply, T> decode, Deadline deadline) {
        return async.submit(body, length, decode, deadline);
    }

    private Reply awaitReply(Waiter waiter, Deadline deadline) {
        while (true) {
            Frame frame = deadline.isSet() ? nextFrameBefore(waiter, deadline) : nextFrameFor(waiter);
            if (frame == Waiter.CLOSED) {
                throw closedWith;
            }
            if (frame == null) {
                throw deadline.expired();
            }
            if (frame.kind() == Protocol.KIND_REQUEST && deadline.hasPassed()) {
                // A peer that answers with callbacks and never with the reply must not outlast the call
                // timeout: this one is served elsewhere, as those that arrive after the call ends are.
                serveOnPool(frame);
                throw deadline.expired();
            }
            if (frame.kind() == Protocol.KIND_REQUEST) {
                serve(frame, true); // a callback of our own chain: run it here, on the waiting thread
            } else {
                return Reply.of(frame);
            }
        }
    }

    /** The next frame for this waiter: from its mailbox, or read by itself when nobody else reads. */
    private Frame nextFrameFor(Waiter waiter) {
        while (true) {
            Frame frame = ready(waiter);
            if (frame != null) {
                return frame;
            }
            role.queue(waiter); // before trying to lead, so that a leader resigning now wakes us
            if (role.tryLead()) {
                role.leaveQueue(waiter);
                // Delivered before we took the lead: every delivery to a blocking waiter is made by a
                // reader before it resigns, so this poll sees it (invariant 2).
                frame = waiter.poll();
                return frame != null ? role.resignWith(frame) : readUntil(f -> isFor(waiter, f), Integer.MAX_VALUE, false);
            }
            waiter.park(Waiter.PARK_NANOS);
            role.leaveQueue(waiter);
        }
    }

    /**
     * Like {@link #nextFrameFor} for a caller with a deadline, which never reads itself: a read cannot be
     * left when the time is up. The watchdog reads for it. Returns {@code null} when the deadline passed.
     */
    private Frame nextFrameBefore(Waiter waiter, Deadline deadline) {
        watchdog.timedWaiterArrived();
        try {
            while (true) {
                Frame frame = ready(waiter);
                if (frame != null) {
                    return frame;
                }
                long remaining = deadline.remainingNanos();
                if (remaining <= 0) {
                    return null;
                }
                watchdog.summonIfNeeded();
                waiter.park(Math.min(remaining, Waiter.PARK_NANOS));
            }
        } finally {
            watchdog.timedWaiterLeft();
        }
    }

    /** A frame already in the waiter's mailbox, CLOSED once the channel is gone, else {@code null}. */
    private Frame ready(Waiter waiter) {
        Frame frame = waiter.poll();
        return frame != null ? frame : closedWith != null ? Waiter.CLOSED : null;
    }

    private static boolean isFor(Waiter waiter, Frame frame) {
        return frame.kind() == Protocol.KIND_REQUEST ? frame.nestedIn() == waiter.id : frame.id() == waiter.id;
    }

    /** A request that is nobody's callback, to be served by whichever thread takes it. */
    boolean isTopLevelRequest(Frame frame) {
        return frame.kind() == Protocol.KIND_REQUEST && ownerOf(frame) == null;
    }

    /**
     * The one read-and-route loop, for the holder of the reading role: reads up to {@code maxFrames}
     * frames (only those already buffered when {@code onlyBuffered}), routing each, until one satisfies
     * {@code keep}; then resigns and returns that frame, or {@code null} when none did, or
     * {@link Waiter#CLOSED} when the channel was lost.
     */
    Frame readUntil(Predicate<Frame> keep, int maxFrames, boolean onlyBuffered) {
        try {
            for (int read = 0; read < maxFrames && (!onlyBuffered || role.hasCompleteFrame()); read++) {
                Frame frame = role.read();
                if (keep.test(frame)) {
                    return role.resignWith(frame);
                }
                route(frame);
            }
            return role.resignWith(null);
        } catch (IOException | RuntimeException | Error e) {
            lost(e);
            return role.resignWith(Waiter.CLOSED);
        }
    }

    /** Only the holder of the reading role routes a frame to a blocking waiter (invariant 2). */
    void route(Frame frame) {
        if (frame.kind() == Protocol.KIND_REQUEST) {
            Waiter owner = ownerOf(frame);
            if (owner != null && maxServing > 0 && owner.queued() >= maxServing) {
                lost(overLimit("callbacks waiting for one of our calls")); // read faster than that call serves them
                return;
            }
            if (owner == null || !owner.deliver(frame)) {
                serveOnPool(frame);
            }
        } else {
            Waiter waiter = pending.get(frame.id());
            if (waiter != null) {
                waiter.deliver(frame);
            }
        }
    }

    private Waiter ownerOf(Frame request) {
        return request.nestedIn() == 0 ? null : pending.get(request.nestedIn());
    }

    void serveOnPool(Frame request) {
        if (serving.incrementAndGet() > maxServing && maxServing > 0) {
            serving.decrementAndGet();
            lost(overLimit("requests in flight at once"));
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    serveAndLead(request);
                } finally {
                    serving.decrementAndGet();
                }
            });
        } catch (RuntimeException | Error e) {
            serving.decrementAndGet();
            lost(e); // no thread to serve it: the channel cannot go on
        }
    }

    private TwinException overLimit(String what) {
        return new TwinException("the peer had more than " + maxServing + " " + what + ", the limit (maxCallsInFlight)");
    }

    /**
     * Runs on a pool thread: serves a request, then reads and serves the next ones itself while it can.
     * Replies to requests that arrived together stay in the buffer and leave together.
     */
    private void serveAndLead(Frame first) {
        Frame frame = first;
        while (frame != null && frame != Waiter.CLOSED && closedWith == null) {
            serve(frame, false);
            frame = role.tryLead() ? readUntil(this::isTopLevelRequest, Integer.MAX_VALUE, true) : null;
            if (frame == null) {
                flush(); // before waiting to read, and never while holding the reading role
                frame = closedWith == null && role.tryLead() ? readUntil(this::isTopLevelRequest, 1, false) : null;
            }
        }
        flush();
    }

    /** Runs a request and writes its reply, sent at once only with {@code flush}. */
    private void serve(Frame request, boolean flush) {
        watchdog.touched();
        CallChain chain = chains.get();
        chain.push(request.id());
        Reply reply;
        try {
            reply = handler.handle(request.id(), request.body());
        } catch (Throwable e) { // even a broken handler answers: the peer must not wait for ever
            reply = failure(e);
        } finally {
            chain.pop();
        }
        if (reply.length() > maxBodySize()) { // the peer would refuse the frame and drop the connection
            reply = failure(new TwinSerializationException("a reply of " + reply.length()
                    + " bytes is over the frame limit of " + maxFrameSize + " bytes"));
        }
        outbox.reply(request.id(), reply, flush);
    }

    /** The handler's error reply; an empty one (which the peer reports as unreadable) if even that fails. */
    private Reply failure(Throwable e) {
        try {
            Reply reply = handler.failure(e);
            return reply.length() <= maxBodySize() ? reply : Reply.error(new byte[0]);
        } catch (Throwable broken) {
            return Reply.error(new byte[0]);
        }
    }

    /** The role is free and nobody is parked for it: asynchronous calls or callers with deadlines may need a reader. */
    private void freeUnclaimed() {
        async.pumpIfNeeded();
        watchdog.summonIfNeeded();
    }

    // ---- what AsyncCalls and the Watchdog use ---------------------------------------------------

    long register(LongFunction<Waiter> waiter) {
        long id = ids.incrementAndGet();
        pending.put(id, waiter.apply(id));
        watchdog.touched();
        return id;
    }

    boolean unregister(long id) {
        return pending.remove(id) != null;
    }

    Waiter waiterOf(long id) {
        return pending.get(id);
    }

    ReadingRole role() {
        return role;
    }

    Executor executor() {
        return executor;
    }

    /** An asynchronous request, left in the buffer; within the deadline if there is one. */
    void sendRequest(long id, byte[] body, int length, Deadline deadline) {
        outbox.request(id, chains.get().innermost(), body, length, deadline, false);
    }

    void flush() {
        outbox.flush();
    }

    private TwinException lost(Throwable cause) {
        if (closedWith == null && losing.compareAndSet(false, true)) {
            TwinException reason;
            try {
                reason = closeReason.apply(cause);
            } catch (RuntimeException | Error e) {
                reason = new TwinException("the connection was lost: " + cause, cause);
            }
            close(reason);
        }
        if (closedWith == null) {
            closed.join(); // another thread is closing: its reason is the one every caller gets
        }
        return closedWith;
    }

    /**
     * Fails every waiting and later call with {@code reason}, then tells the {@link #whenClosed} listeners.
     * Idempotent: the first reason wins.
     */
    public void close(TwinException reason) {
        synchronized (pending) {
            if (closedWith != null) {
                return;
            }
            closedWith = reason;
        }
        for (Waiter waiter : pending.values()) {
            try {
                waiter.deliver(Waiter.CLOSED);
            } catch (RuntimeException | Error e) {
                // one waiter's failure (a rejected completion) must not keep the others waiting
            }
        }
        closed.complete(reason);
    }

    /** Runs {@code listener} once the channel is closed and every waiter has been told (at once if it is). */
    public void whenClosed(java.util.function.Consumer<TwinException> listener) {
        closed.thenAccept(listener);
    }

    /** The largest body a request or reply may have; a handler replies with an error instead of more. */
    public int maxBodySize() {
        return maxFrameSize - Protocol.HEADER_SIZE;
    }

    /** Whether this thread is serving one of the peer's requests right now (a call it makes is nested in it). */
    public boolean isServingOnThisThread() {
        return chains.get().innermost() != 0;
    }

    public int callsInFlight() {
        return pending.size();
    }

    public boolean isOpen() {
        return closedWith == null;
    }

    /** Why the channel closed, or {@code null} while it is open. */
    public TwinException closedWith() {
        return closedWith;
    }

    void failIfClosed() {
        TwinException reason = closedWith;
        if (reason != null) {
            throw reason;
        }
    }

    void checkSize(int length) {
        if (length + Protocol.HEADER_SIZE > maxFrameSize) {
            throw new TwinSerializationException("Cannot send a request of " + length + " bytes: over the frame limit of "
                    + maxFrameSize + " bytes (TwinMasterBuilder.maxFrameSize)");
        }
    }
}
