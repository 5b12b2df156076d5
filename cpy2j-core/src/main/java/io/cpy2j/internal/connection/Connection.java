package io.cpy2j.internal.connection;

import io.cpy2j.TwinException;
import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.codec.StandardCodec;
import io.cpy2j.internal.kernel.Kernel;
import io.cpy2j.internal.object.Trust;
import io.cpy2j.internal.protocol.FrameReader;
import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.transport.Transport;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One end of a channel between two runtimes, wired the same way on both sides: frames over a
 * {@link Transport}, a {@link Kernel} for requests and replies, an {@link Endpoint} for calls. The
 * master's {@code TwinConnection} and the twin's {@code TwinMain} both build theirs here; the reader and
 * writer are there before the kernel starts, for the handshake.
 */
public final class Connection {

    /** Stack size of the threads that serve calls. */
    private static final long DEEP_STACK = 16L * 1024 * 1024;

    private final Transport transport;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final Endpoint endpoint;
    private volatile Kernel kernel;

    private Connection(Transport transport, String localId, String remoteId, int maxFrameSize, Trust trust) {
        this.transport = transport;
        this.reader = new FrameReader(transport.input(), maxFrameSize);
        this.writer = new FrameWriter(transport.output());
        this.endpoint = new Endpoint(localId, remoteId, trust, StandardCodec::new);
    }

    /** Frames and an endpoint over {@code transport}, trusting the peer fully; {@link #start} begins serving. */
    public static Connection over(Transport transport, String localId, String remoteId, int maxFrameSize) {
        return new Connection(transport, localId, remoteId, maxFrameSize, Trust.FULL);
    }

    /** Like {@link #over(Transport, String, String, int)}, trusting the peer only as far as {@code trust} says. */
    public static Connection over(Transport transport, String localId, String remoteId, int maxFrameSize,
                                  Trust trust) {
        return new Connection(transport, localId, remoteId, maxFrameSize, trust);
    }

    /**
     * Connects the kernel and starts its watchdog: from here on the peer's requests are served.
     *
     * @param executor    runs the peer's requests that are nobody's callback
     * @param closeReason turns the cause of a lost channel into what every caller then gets
     */
    public Kernel start(Executor executor, Function<Throwable, TwinException> closeReason, int maxFrameSize,
                        String threadName) {
        return start(executor, closeReason, maxFrameSize, threadName, () -> { }, 0);
    }

    /**
     * @param onStuckWrite ends the peer when a call is stuck writing to it past its deadline
     * @param maxServing   how many of the peer's requests may be served at once on {@code executor}; one
     *                     more loses the connection (a flood); zero for no limit
     */
    public Kernel start(Executor executor, Function<Throwable, TwinException> closeReason, int maxFrameSize,
                        String threadName, Runnable onStuckWrite, int maxServing) {
        Kernel started = new Kernel(reader, writer, endpoint.dispatcher(), executor, closeReason, maxFrameSize,
                onStuckWrite, maxServing);
        endpoint.connect(started);
        kernel = started;
        started.start(threadName);
        return started;
    }

    /**
     * A cached pool for the peer's requests, on either side. A chain of calls back and forth runs on
     * one thread per side, each level adding frames, so its threads get a deep stack (only reserved
     * address space until used).
     */
    public static ExecutorService servingPool(String threadPrefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(null, task, threadPrefix + count.incrementAndGet(), DEEP_STACK);
            thread.setDaemon(true);
            return thread;
        });
    }

    public FrameReader reader() {
        return reader;
    }

    public FrameWriter writer() {
        return writer;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Transport transport() {
        return transport;
    }
}
