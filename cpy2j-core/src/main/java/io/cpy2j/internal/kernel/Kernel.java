package io.cpy2j.internal.kernel;

import io.cpy2j.TwinException;
import io.cpy2j.TwinProtocolException;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.FrameReader;
import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.protocol.Protocol;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Multiplexed, re-entrant request/reply over one channel; the same class runs on both sides.
 *
 * <p>Threads: one reader thread per channel routes each frame. A reply goes to the thread waiting
 * for it. A request nested in one of our own pending requests (a callback) goes to the thread
 * waiting for that request, which serves it and goes back to waiting, so a chain of calls back and
 * forth runs on one thread per side. Any other request runs on {@code executor}.
 */
public final class Kernel {

    private final FrameReader reader;
    private final FrameWriter writer;
    private final RequestHandler handler;
    private final Executor executor;
    private final Function<Throwable, TwinException> closeReason;
    private final int maxFrameSize;
    private final ConcurrentHashMap<Long, Waiter> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
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

    /** Starts the reader thread; it ends when the channel closes. */
    public Thread start(String threadName) {
        Thread thread = new Thread(this::readLoop, threadName);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Sends a request and blocks until its reply, serving callbacks of this call chain meanwhile. */
    public Reply call(byte[] body, int length) {
        checkSize(length);
        long id = ids.incrementAndGet();
        Waiter waiter = new Waiter();
        pending.put(id, waiter);
        try {
            failIfClosed();
            send(Protocol.KIND_REQUEST, id, chains.get().innermost(), body, length);
            return awaitReply(waiter);
        } finally {
            pending.remove(id);
        }
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

    private Reply awaitReply(Waiter waiter) {
        while (true) {
            Frame frame;
            try {
                frame = waiter.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TwinException("interrupted while waiting for a twin's reply", e);
            }
            if (frame == Waiter.CLOSED) {
                throw closedWith;
            }
            if (frame.kind() == Protocol.KIND_REQUEST) {
                serve(frame); // a callback of our own chain: run it here, on the waiting thread
            } else {
                return new Reply(frame.kind() == Protocol.KIND_REPLY_OK, frame.data(), frame.bodyOffset(),
                        frame.bodyLength());
            }
        }
    }

    private void serve(Frame request) {
        CallChain chain = chains.get();
        chain.push(request.id());
        Reply reply;
        try {
            reply = handler.handle(request.id(), request.body());
        } finally {
            chain.pop();
        }
        try {
            writer.write(reply.ok() ? Protocol.KIND_REPLY_OK : Protocol.KIND_REPLY_ERROR, request.id(), 0,
                    reply.data(), reply.length());
        } catch (IOException e) {
            lost(e); // the caller is gone; nobody is left to tell
        }
    }

    private void readLoop() {
        try {
            while (true) {
                route(reader.read());
            }
        } catch (IOException | RuntimeException e) {
            lost(e);
        }
    }

    private void route(Frame frame) {
        if (frame.kind() == Protocol.KIND_REQUEST) {
            Waiter chainOwner = frame.nestedIn() == 0 ? null : pending.get(frame.nestedIn());
            if (chainOwner != null) {
                chainOwner.deliver(frame);
            } else {
                executor.execute(() -> serve(frame));
            }
        } else {
            Waiter waiter = pending.get(frame.id());
            if (waiter != null) {
                waiter.deliver(frame);
            }
        }
    }

    private void send(byte kind, long id, long nestedIn, byte[] body, int length) {
        try {
            writer.write(kind, id, nestedIn, body, length);
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private TwinException lost(Throwable cause) {
        if (closedWith == null) {
            close(cause instanceof TwinProtocolException p ? p : closeReason.apply(cause));
        }
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
                    + maxFrameSize + " bytes (TwinMaster.Builder.maxFrameSize)");
        }
    }
}
