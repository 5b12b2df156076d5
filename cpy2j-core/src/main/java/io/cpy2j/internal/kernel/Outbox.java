package io.cpy2j.internal.kernel;

import io.cpy2j.TwinException;
import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.protocol.Protocol;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The sending side of a {@link Kernel}: requests and replies into the one shared writer, within a call's
 * deadline when it has one, flushes, and the timer that finds a write stuck past its deadline.
 */
final class Outbox {

    private final FrameWriter writer;
    private final Executor executor;
    private final Function<Throwable, TwinException> lost;
    private final Runnable onStuckWrite;
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicBoolean stuckWrites = new AtomicBoolean();

    /**
     * @param lost         closes the channel after an I/O failure and returns why, for the caller to throw
     * @param onStuckWrite ends the peer when a write is stuck past its call's deadline
     */
    Outbox(FrameWriter writer, Executor executor, Function<Throwable, TwinException> lost, Runnable onStuckWrite) {
        this.writer = writer;
        this.executor = executor;
        this.lost = lost;
        this.onStuckWrite = onStuckWrite;
    }

    /**
     * Writes a request, and flushes it with {@code flush}. Without a deadline the flush comes after the
     * write, outside its lock, so frames other callers wrote meanwhile leave in the same system call.
     * With one, a caller that cannot get the writer in time gives up having sent nothing; one whose write
     * then blocks past its deadline (the peer reads nothing) is freed when the timer finds the stuck write
     * and the peer is ended, and fails with its timeout too.
     */
    void request(long id, long nestedIn, byte[] body, int length, Deadline deadline, boolean flush) {
        if (!deadline.isSet()) {
            try {
                writer.write(Protocol.KIND_REQUEST, id, nestedIn, body, length, false);
                if (flush) {
                    writer.flush();
                }
            } catch (IOException e) {
                throw lost.apply(e);
            }
            return;
        }
        ScheduledFuture<?> check = checkWriteAt(deadline);
        try {
            if (!writer.tryWrite(Protocol.KIND_REQUEST, id, nestedIn, body, length, false, deadline.atNanos())
                || flush && !writer.tryFlush(deadline.atNanos())) {
                throw deadline.expired();
            }
        } catch (IOException e) {
            TwinException lostWith = lost.apply(e);
            if (deadline.hasPassed()) {
                RuntimeException expired = deadline.expired();
                expired.initCause(lostWith);
                throw expired;
            }
            throw lostWith;
        } finally {
            check.cancel(false);
        }
    }

    /** Writes a reply; a failure means the caller is gone, and nobody is left to tell. */
    void reply(long id, Reply reply, boolean flush) {
        try {
            writer.write(reply.ok() ? Protocol.KIND_REPLY_OK : Protocol.KIND_REPLY_ERROR, id, 0, reply.data(),
                    reply.length(), flush);
        } catch (IOException e) {
            lost.apply(e);
        }
    }

    /** Sends buffered frames; a failure means the channel is lost. */
    void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            lost.apply(e);
        }
    }

    /** A reader about to block hands the flush of what is left in the buffer to another thread. */
    void flushLaterIfDirty() {
        if (writer.isDirty() && flushing.compareAndSet(false, true)) {
            executor.execute(() -> {
                flushing.set(false);
                flush();
            });
        }
    }

    /**
     * Looks, just after the deadline, whether this caller's write is still blocked in the pipe. Not the
     * watchdog's job: it may itself be blocked reading from the same frozen peer.
     */
    private ScheduledFuture<?> checkWriteAt(Deadline deadline) {
        return KernelTimer.schedule(() -> {
            if (writer.isOverdue() && stuckWrites.compareAndSet(false, true)) {
                onStuckWrite.run(); // ending the peer fails the stuck write
            }
        }, deadline.remainingNanos() + TimeUnit.MILLISECONDS.toNanos(1));
    }
}
