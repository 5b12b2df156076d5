package io.cpy2j.internal.kernel;

import io.cpy2j.TwinException;
import io.cpy2j.TwinProtocolException;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.FrameReader;
import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.protocol.Protocol;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Multiplexed, re-entrant request/reply over one channel; the same class runs on both sides.
 *
 * <p>Reading is a role, not a thread (leader/followers): at most one thread reads at a time. A
 * caller waiting for its reply reads the channel itself when nobody else does, so in the common case
 * its reply reaches it with no hand-off between threads; frames meant for others are put in their
 * mailboxes. A pool thread that has just served a request takes the reading role again and serves the
 * next request it reads itself. A request nested in one of our pending requests (a callback) goes to
 * the thread waiting for that request, so a chain of calls back and forth runs on one thread per
 * side. A watchdog thread reads when nobody has for a while: when idle, when every reader is busy
 * running a long request, and to notice the peer's end.
 */
public final class Kernel {

    /**
     * Asynchronous calls outstanding at once; more wait. Bounds memory, and keeps the pipes from filling
     * up in both directions: with 16k in flight, throughput swung between 20k and 400k calls/s from run
     * to run as both sides blocked writing; with 1k it holds at 280k-350k on 2 cores.
     */
    private static final int MAX_ASYNC_IN_FLIGHT = 1024;

    /** How often the watchdog looks whether the reading role has been left unused. */
    private static final long WATCH_NANOS = 1_000_000;
    /** ... and how long it rests while a reader is waiting in a read: nothing can go unread then. */
    private static final long IDLE_WATCH_NANOS = 10_000_000;

    private final FrameReader reader;
    private final FrameWriter writer;
    private final RequestHandler handler;
    private final Executor executor;
    private final Function<Throwable, TwinException> closeReason;
    private final int maxFrameSize;
    private final ConcurrentHashMap<Long, Waiter> pending = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Waiter> parked = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Thread> leader = new AtomicReference<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong activity = new AtomicLong();
    private final AtomicLong asyncInFlight = new AtomicLong();
    private final AtomicBoolean pumping = new AtomicBoolean();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicBoolean losing = new AtomicBoolean();
    private volatile boolean readerMayBlock;
    private final Semaphore asyncSlots = new Semaphore(MAX_ASYNC_IN_FLIGHT);
    private final ThreadLocal<CallChain> chains = ThreadLocal.withInitial(CallChain::new);
    private volatile TwinException closedWith;

    /**
     * @param closeReason turns the cause of a lost channel (end of stream, an I/O error) into the
     *                    exception every waiting and later caller gets
     */
    public Kernel(FrameReader reader, FrameWriter writer, RequestHandler handler, Executor executor,
                  Function<Throwable, TwinException> closeReason, int maxFrameSize) {
        this.reader = reader;
        this.writer = writer;
        this.handler = handler;
        this.executor = executor;
        this.closeReason = closeReason;
        this.maxFrameSize = maxFrameSize;
    }

    /** Starts the watchdog thread; it ends when the channel closes. */
    public Thread start(String threadName) {
        Thread thread = new Thread(this::watch, threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Sends a request and blocks until its reply, serving callbacks of this call chain meanwhile. */
    public Reply call(byte[] body, int length) {
        checkSize(length);
        long id = ids.incrementAndGet();
        activity.incrementAndGet();
        Waiter waiter = new Waiter(id);
        pending.put(id, waiter);
        try {
            failIfClosed();
            // Written, then flushed outside the write: frames other callers wrote meanwhile leave in the
            // same system call, and their own flush finds nothing left to do.
            send(Protocol.KIND_REQUEST, id, chains.get().innermost(), body, length, false);
            flushOrFail();
            return awaitReply(waiter);
        } finally {
            pending.remove(id);
            for (Frame late : waiter.finish()) {
                if (late.kind() == Protocol.KIND_REQUEST) {
                    executor.execute(() -> serveAndLead(late)); // routed to us just as we left
                }
            }
        }
    }

    /**
     * Sends a request without waiting: the thread that reads the reply decodes it with {@code decode}
     * and completes the future with the result, or with what {@code decode} threw. At most
     * {@code MAX_ASYNC_IN_FLIGHT} such calls are outstanding; more wait for a free slot.
     */
    public <T> CompletableFuture<T> submit(byte[] body, int length, Function<Reply, T> decode) {
        try {
            checkSize(length);
            acquireAsyncSlot();
        } catch (TwinException e) {
            return CompletableFuture.failedFuture(e); // asynchronous calls report every failure in their future
        }
        long id = ids.incrementAndGet();
        activity.incrementAndGet();
        CompletableFuture<T> future = new CompletableFuture<>();
        Waiter waiter = new Waiter(id, frame -> deliverAsync(id, frame, future, decode));
        pending.put(id, waiter);
        asyncInFlight.incrementAndGet();
        try {
            failIfClosed();
            send(Protocol.KIND_REQUEST, id, chains.get().innermost(), body, length, false);
            if (readerMayBlock) {
                flush(); // a reader waits for replies to what is still in our buffer
            }
        } catch (RuntimeException e) {
            finishAsync(id);
            future.completeExceptionally(e);
            return future;
        }
        pumpAsync();
        return future;
    }

    private void acquireAsyncSlot() {
        try {
            while (!asyncSlots.tryAcquire(10, TimeUnit.MILLISECONDS)) {
                failIfClosed(); // the reason to stop waiting: the channel is gone
                flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TwinException("interrupted while waiting to submit a call", e);
        }
    }

    private <T> void deliverAsync(long id, Frame frame, CompletableFuture<T> future, Function<Reply, T> decode) {
        if (frame.kind() == Protocol.KIND_REQUEST) {
            executor.execute(() -> serveAndLead(frame)); // a callback of an asynchronous call
            return;
        }
        // Counted out before the future completes, so that whoever it wakes sees the call finished.
        finishAsync(id);
        if (leader.get() == Thread.currentThread()) {
            // Continuations run where the future completes; the reader must not run user code that
            // might call the twin and wait for a reader that is itself.
            executor.execute(() -> completeAsync(frame, future, decode));
        } else {
            completeAsync(frame, future, decode);
        }
    }

    private <T> void completeAsync(Frame frame, CompletableFuture<T> future, Function<Reply, T> decode) {
        if (frame == Waiter.CLOSED) {
            future.completeExceptionally(closedWith);
            return;
        }
        try {
            future.complete(decode.apply(new Reply(frame.kind() == Protocol.KIND_REPLY_OK, frame.data(),
                    frame.bodyOffset(), frame.bodyLength())));
        } catch (Throwable error) { // the remote exception, rethrown by decode: the call's outcome
            future.completeExceptionally(error);
        }
    }

    private void finishAsync(long id) {
        if (pending.remove(id) != null) {
            asyncInFlight.decrementAndGet();
            asyncSlots.release();
        }
    }

    /** Makes sure someone sends and reads for outstanding asynchronous calls. */
    private void pumpAsync() {
        if (pumping.compareAndSet(false, true)) {
            executor.execute(this::pump);
        }
    }

    /** Sends what submitted calls left in the buffer, then reads one frame, while asynchronous calls are out. */
    private void pump() {
        try {
            while (closedWith == null) {
                flush(); // not holding the reading role: see readFrame
                if (asyncInFlight.get() == 0 || !tryLead()) {
                    break;
                }
                Frame asyncReply;
                try {
                    asyncReply = routeAllButAsyncReply(readFrame());
                } catch (IOException | RuntimeException | Error e) {
                    lost(e);
                    break;
                } finally {
                    resignWith(null);
                }
                if (asyncReply != null) {
                    route(asyncReply); // after resigning: its continuations run here, not on a reader
                }
            }
        } finally {
            pumping.set(false);
        }
        if (asyncInFlight.get() > 0 && leader.get() == null && closedWith == null) {
            pumpAsync();
        }
    }

    /**
     * Routes a frame while still holding the reading role, except a reply to an asynchronous call, which
     * is returned to be completed after resigning. A frame for a synchronous waiter must never be routed
     * by a thread that no longer reads: the waiter may have taken the role meanwhile, found its mailbox
     * empty and gone on to block in a read for a reply that is already in its mailbox.
     */
    private Frame routeAllButAsyncReply(Frame frame) {
        if (frame.kind() != Protocol.KIND_REQUEST) {
            Waiter waiter = pending.get(frame.id());
            if (waiter != null && waiter.isAsync()) {
                return frame;
            }
        }
        route(frame);
        return null;
    }

    private Reply awaitReply(Waiter waiter) {
        while (true) {
            Frame frame = nextFrameFor(waiter);
            if (frame == Waiter.CLOSED) {
                throw closedWith;
            }
            if (frame.kind() == Protocol.KIND_REQUEST) {
                serve(frame, true); // a callback of our own chain: run it here, on the waiting thread
            } else {
                return new Reply(frame.kind() == Protocol.KIND_REPLY_OK, frame.data(), frame.bodyOffset(),
                        frame.bodyLength());
            }
        }
    }

    /** The next frame for this waiter: from its mailbox, or read by itself when nobody else reads. */
    private Frame nextFrameFor(Waiter waiter) {
        while (true) {
            Frame frame = waiter.poll();
            if (frame != null) {
                return frame;
            }
            if (closedWith != null) {
                return Waiter.CLOSED;
            }
            parked.add(waiter); // before trying to lead, so that a leader resigning now wakes us
            if (tryLead()) {
                parked.remove(waiter);
                frame = waiter.poll(); // delivered just before we took the lead
                return frame != null ? resignWith(frame) : readUntil(waiter);
            }
            waiter.park();
            parked.remove(waiter);
        }
    }

    /** As the reader: routes frames for others until one for {@code waiter} comes; then resigns. */
    private Frame readUntil(Waiter waiter) {
        try {
            while (true) {
                Frame frame = readFrame();
                boolean mine = frame.kind() == Protocol.KIND_REQUEST ? frame.nestedIn() == waiter.id
                        : frame.id() == waiter.id;
                if (mine) {
                    return resignWith(frame);
                }
                route(frame);
            }
        } catch (IOException | RuntimeException | Error e) {
            lost(e);
            return resignWith(Waiter.CLOSED);
        }
    }

    /**
     * As the reader: returns the next request that is nobody's callback, to be served by this thread.
     * A frame for a waiting caller is handed over, and then this thread resigns: the caller, awake
     * again, is the better reader for what comes next (its own reply).
     */
    private Frame readUntilTopLevel() {
        try {
            Frame frame = readFrame();
            if (frame.kind() == Protocol.KIND_REQUEST && ownerOf(frame) == null) {
                return resignWith(frame);
            }
            route(frame);
            return resignWith(null);
        } catch (IOException | RuntimeException | Error e) {
            lost(e);
            resignWith(null);
            return null;
        }
    }

    /**
     * Reads the next frame. A thread never writes while it holds the reading role: if both sides could
     * block writing into full pipes with nobody reading, they would wait for each other forever.
     */
    private Frame readFrame() throws IOException {
        if (!reader.hasCompleteFrame()) {
            // About to wait for the peer: frames left in our buffer must go out first, or the peer may
            // wait for them too. Submitters check the flag after writing (see submit), so one of us sees
            // the other; the flush itself runs on another thread (see above).
            readerMayBlock = true;
            if (writer.isDirty()) {
                flushLater();
            }
        }
        try {
            return reader.read();
        } finally {
            readerMayBlock = false;
        }
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

    private void flushLater() {
        if (flushing.compareAndSet(false, true)) {
            executor.execute(() -> {
                flushing.set(false);
                flush();
            });
        }
    }

    private void flushOrFail() {
        try {
            writer.flush();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    /** Sends buffered frames; a failure means the channel is lost. */
    private void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            lost(e);
        }
    }

    private void route(Frame frame) {
        if (frame.kind() == Protocol.KIND_REQUEST) {
            Waiter owner = ownerOf(frame);
            if (owner == null || !owner.deliver(frame)) {
                executor.execute(() -> serveAndLead(frame));
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

    /**
     * Runs on a pool thread: serves a request, then reads and serves the next ones itself while it can.
     * Replies to requests that arrived together stay in the buffer and leave together.
     */
    private void serveAndLead(Frame first) {
        Frame frame = first;
        while (frame != null && closedWith == null) {
            serve(frame, false);
            frame = nextBufferedRequest();
            if (frame == null) {
                flush(); // before waiting to read, and never while holding the reading role
                frame = closedWith == null && tryLead() ? readUntilTopLevel() : null;
            }
        }
        flush();
    }

    /** A request already complete in the input buffer, taken without waiting; other frames are routed. */
    private Frame nextBufferedRequest() {
        if (!tryLead()) {
            return null;
        }
        try {
            while (reader.hasCompleteFrame()) {
                Frame frame = reader.read();
                if (frame.kind() == Protocol.KIND_REQUEST && ownerOf(frame) == null) {
                    return resignWith(frame);
                }
                route(frame);
            }
        } catch (IOException | RuntimeException | Error e) {
            lost(e);
        }
        return resignWith(null);
    }

    /** Runs a request and writes its reply, sent at once only with {@code flush}. */
    private void serve(Frame request, boolean flush) {
        activity.incrementAndGet();
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
        try {
            writer.write(reply.ok() ? Protocol.KIND_REPLY_OK : Protocol.KIND_REPLY_ERROR, request.id(), 0,
                    reply.data(), reply.length(), flush);
        } catch (IOException e) {
            lost(e); // the caller is gone; nobody is left to tell
        }
    }

    private boolean tryLead() {
        return leader.get() == null && leader.compareAndSet(null, Thread.currentThread());
    }

    /** Gives up reading; a caller parked for want of a reader is woken to take over. */
    private Frame resignWith(Frame frame) {
        leader.set(null);
        Waiter next = parked.peek();
        if (next != null) {
            next.wake();
        } else if (asyncInFlight.get() > 0) {
            pumpAsync();
        }
        return frame;
    }

    /**
     * The watchdog: takes the reading role when nobody has used the channel for two rounds, so that
     * requests are read while every other reader is busy, and the peer's end is noticed when idle.
     */
    private void watch() {
        long seen = -1;
        while (closedWith == null) {
            long now = activity.get();
            if (now == seen && leader.get() == null && tryLead()) {
                Frame frame = readUntilTopLevel();
                if (frame != null) {
                    try {
                        executor.execute(() -> serveAndLead(frame));
                    } catch (RuntimeException | Error e) {
                        lost(e); // no thread to serve it: the channel cannot go on
                    }
                }
            }
            seen = now;
            LockSupport.parkNanos(this, leader.get() != null && readerMayBlock ? IDLE_WATCH_NANOS : WATCH_NANOS);
        }
    }

    private void send(byte kind, long id, long nestedIn, byte[] body, int length, boolean flush) {
        try {
            writer.write(kind, id, nestedIn, body, length, flush);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private TwinException lost(Throwable cause) {
        if (closedWith == null && losing.compareAndSet(false, true)) {
            TwinException reason;
            try {
                reason = cause instanceof TwinProtocolException p ? p : closeReason.apply(cause);
            } catch (RuntimeException | Error e) {
                reason = new TwinException("the connection was lost: " + cause, cause);
            }
            close(reason);
        }
        while (closedWith == null) {
            Thread.onSpinWait(); // another thread is closing: its reason is the one every caller gets
        }
        return closedWith;
    }

    /** Fails every waiting and later call with {@code reason}. Idempotent: the first reason wins. */
    public void close(TwinException reason) {
        synchronized (pending) {
            if (closedWith != null) {
                return;
            }
            closedWith = reason;
        }
        pending.values().forEach(w -> w.deliver(Waiter.CLOSED));
    }

    /** The largest body a request or reply may have; a handler replies with an error instead of more. */
    public int maxBodySize() {
        return maxFrameSize - Protocol.HEADER_SIZE;
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

    private void failIfClosed() {
        TwinException reason = closedWith;
        if (reason != null) {
            throw reason;
        }
    }

    private void checkSize(int length) {
        if (length + Protocol.HEADER_SIZE > maxFrameSize) {
            throw new TwinSerializationException("Cannot send a request of " + length + " bytes: over the frame limit of "
                    + maxFrameSize + " bytes (TwinMasterBuilder.maxFrameSize)");
        }
    }
}
