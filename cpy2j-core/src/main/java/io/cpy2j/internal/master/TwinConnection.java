package io.cpy2j.internal.master;

import io.cpy2j.TwinException;
import io.cpy2j.TwinFailure;
import io.cpy2j.TwinProtocolException;
import io.cpy2j.TwinStartupException;
import io.cpy2j.TwinTerminatedException;
import io.cpy2j.TwinTrust;
import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.connection.Connection;
import io.cpy2j.internal.launch.TwinCommandLine;
import io.cpy2j.internal.launch.TwinProcess;
import io.cpy2j.internal.launch.TwinSpec;
import io.cpy2j.internal.object.LogText;
import io.cpy2j.internal.object.Trust;
import io.cpy2j.internal.protocol.Frame;
import io.cpy2j.internal.protocol.FrameReader;
import io.cpy2j.internal.protocol.Handshake;
import io.cpy2j.internal.protocol.Protocol;
import io.cpy2j.internal.transport.StreamTransport;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The master's live connection to one twin process: launched, handshaken, serving calls. */
public final class TwinConnection {

    private static final Logger log = LoggerFactory.getLogger(TwinConnection.class);
    /** How long to wait for a dead twin's exit status before reporting without it. */
    private static final long EXIT_STATUS_WAIT_MILLIS = 2000;

    private final TwinSpec spec;
    private final TwinProcess process;
    private final Connection connection;
    private final FrameReader reader;
    private final Endpoint endpoint;
    private final ExecutorService callbacks;
    private final Consumer<TwinTerminatedException> onDeath;
    private volatile Handshake handshake;
    private volatile boolean stopping;
    private volatile String killedBecause;

    private TwinConnection(TwinSpec spec, TwinProcess process, Consumer<TwinTerminatedException> onDeath) {
        this.spec = spec;
        this.process = process;
        this.onDeath = onDeath;
        Trust trust = spec.trust() == TwinTrust.RESTRICTED
                ? Trust.restricted(spec.trustedPackages(), this::disconnect) : Trust.FULL;
        this.connection = Connection.over(StreamTransport.ofProcess(process.process()), Protocol.MASTER_ID,
                spec.id(), spec.maxFrameSize(), trust);
        this.reader = connection.reader();
        this.endpoint = connection.endpoint();
        this.callbacks = Connection.servingPool("cpy2j-" + spec.id() + "-callback-");
    }

    /**
     * Launches the twin and returns once it has answered the handshake, or fails with why it did not.
     *
     * @param onDeath told, on the thread that noticed, when the twin dies on its own (not when stopped);
     *                it must not block
     */
    public static TwinConnection open(TwinSpec spec, Consumer<TwinTerminatedException> onDeath) {
        TwinConnection connection = new TwinConnection(spec, TwinProcess.start(spec), onDeath);
        try {
            connection.handshake = connection.awaitHandshake();
        } catch (RuntimeException e) {
            connection.abandon();
            throw e;
        }
        connection.connectKernel();
        return connection;
    }

    private Handshake awaitHandshake() {
        CompletableFuture<Handshake> hello = new CompletableFuture<>();
        Thread thread = new Thread(() -> readHello(hello), "cpy2j-" + spec.id() + "-handshake");
        thread.setDaemon(true);
        thread.start();
        try {
            return hello.get(spec.startupTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            OptionalInt status = process.destroy(0);
            throw process.startupFailure("twin '" + spec.id() + "' did not answer within " + spec.startupTimeout()
                    + " and was stopped (" + process.describeExit(status) + "). Raise startupTimeout if it is just slow. "
                    + "Command: " + String.join(" ", process.command()), status, null);
        } catch (ExecutionException e) {
            throw exitedDuringStartup(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw process.startupFailure("interrupted while starting twin '" + spec.id() + "'", OptionalInt.empty(), e);
        }
    }

    private void readHello(CompletableFuture<Handshake> hello) {
        try {
            String skipped = reader.skipToMagic(64 * 1024);
            if (!skipped.isBlank()) {
                log.info("[{}] {}", spec.id(), skipped.strip());
            }
            Frame frame = reader.read();
            if (frame.kind() != Protocol.KIND_HELLO) {
                throw new TwinProtocolException("twin '" + spec.id() + "' sent frame kind " + frame.kind()
                        + " instead of its handshake");
            }
            Handshake handshake = Handshake.decode(frame.body());
            handshake.verify(spec.id());
            hello.complete(handshake);
        } catch (IOException | RuntimeException e) {
            hello.completeExceptionally(e);
        }
    }

    private TwinStartupException exitedDuringStartup(Throwable cause) {
        if (cause instanceof TwinProtocolException protocol) {
            return process.startupFailure("twin '" + spec.id() + "' was refused: " + protocol.getMessage(),
                    OptionalInt.empty(), protocol);
        }
        OptionalInt status = process.awaitExit(EXIT_STATUS_WAIT_MILLIS);
        String text = process.describeExit(status);
        // The JVM's own words for a missing main class, or Spring Boot's launcher's (fat-jar bootstrap)
        boolean noTwinMain = text.contains("Could not find or load main class " + TwinCommandLine.MAIN_CLASS)
                || text.contains("ClassNotFoundException: " + TwinCommandLine.MAIN_CLASS);
        String hint = noTwinMain
                ? " The twin's classpath lacks cpy2j-core: keep the master's classpath (the default) or add the "
                  + "cpy2j-core jar and its dependencies to it."
                : " Check the JVM arguments and the output above.";
        return process.startupFailure("twin '" + spec.id() + "' exited during start-up with " + text + "." + hint
                + " Command: " + String.join(" ", process.command()), status, cause);
    }

    private void connectKernel() {
        connection.start(callbacks, this::terminated, spec.maxFrameSize(), "cpy2j-" + spec.id() + "-reader",
                this::killUnresponsive, spec.maxCallsInFlight()).whenClosed(reason -> {
                    // After every caller was told: a restart must not close this kernel first with another reason.
                    if (!stopping && reason instanceof TwinTerminatedException death) {
                        onDeath.accept(death);
                    }
                });
    }

    /**
     * A call timed out still writing its request: the twin has read nothing for the whole call timeout,
     * and the channel holds half a frame. It cannot be used again, so the twin is killed (which fails the
     * stuck write); a restart policy then starts it again.
     */
    private void killUnresponsive() {
        kill("it read nothing for longer than the call timeout (frozen or hung)");
    }

    /**
     * A restricted twin sent what it may not: it is killed, which ends its channel and every call with the
     * reason. Only the first breach is reported; what follows it is the same twin's doing.
     */
    private void disconnect(String breach) {
        if (kill("it breached its restricted trust: " + breach)) {
            // Frames it wrote after the breach may still be in the pipe, and a child it started may hold
            // the pipe open: the channel closes now, on a thread of its own (the breach may be noticed
            // deep in a decode), so that nothing more is served and every caller learns why.
            Thread closer = new Thread(() -> endpoint.kernel().close(terminated(new TwinException(breach))),
                    "cpy2j-" + spec.id() + "-disconnect");
            closer.setDaemon(true);
            closer.start();
        }
    }

    /** Kills the twin and what it started, once; false if it was killed already or is being stopped. */
    private synchronized boolean kill(String because) {
        if (killedBecause != null || stopping) {
            return false;
        }
        killedBecause = LogText.oneLine(because); // may quote what the twin sent
        log.warn("twin '{}' (pid {}) is disconnected and killed: {}", spec.id(), process.pid(), killedBecause);
        ProcessHandle twin = process.process().toHandle();
        twin.descendants().forEach(ProcessHandle::destroyForcibly);
        twin.destroyForcibly();
        return true;
    }

    /** Why calls fail once the channel is lost: the twin was stopped, or it died, with its exit status. */
    private TwinException terminated(Throwable cause) {
        if (cause instanceof TwinException broken && process.process().isAlive()) {
            // Not an end of stream but the channel refused (not cpy2j's frames, a flood): the twin lives on
            // and would hold its resources, so it goes.
            kill("its channel broke: " + broken.getMessage());
        }
        endpoint.objects().clear(); // the twin's references died with it
        // When stopping, stop() has already waited for the exit, killing if it had to: do not wait twice.
        OptionalInt status = process.awaitExit(stopping ? 0 : EXIT_STATUS_WAIT_MILLIS);
        String message = stopping
                ? "twin '" + spec.id() + "' was stopped; call start() to run it again"
                : "twin '" + spec.id() + "' (pid " + process.pid() + ") terminated with " + process.describeExit(status)
                  + (killedBecause == null ? "" : " because " + killedBecause)
                  + ". Calls in flight were abandoned; call start() to run it again";
        if (!stopping) {
            log.warn(message);
        }
        TwinTerminatedException error = new TwinTerminatedException(spec.id(),
                status.isPresent() ? status.getAsInt() : null, message);
        error.initCause(cause);
        return error;
    }

    /**
     * Stops the twin: closing its stdin lets it exit on its own; after the timeout it is killed.
     *
     * @return the kill, if the twin did not exit in time (frozen, or hung where the end of its channel
     *         cannot reach it): what health should show, since nothing else records why it went
     */
    public Optional<TwinFailure> stop() {
        stopping = true;
        closeQuietlyInBackground();
        long grace = spec.shutdownTimeout().toMillis();
        OptionalInt exited = process.awaitExit(grace);
        OptionalInt status = exited.isPresent() ? exited : process.destroy(0);
        endpoint.kernel().close(terminated(null));
        callbacks.shutdown();
        if (exited.isPresent()) {
            return Optional.empty();
        }
        String message = "twin '" + spec.id() + "' (pid " + process.pid() + ") did not exit within its shutdown timeout of "
                + spec.shutdownTimeout() + " when stopped (frozen, or hung) and was killed: " + process.describeExit(status);
        log.warn(message);
        return Optional.of(new TwinFailure(Instant.now(), message, status.isPresent() ? status.getAsInt() : null));
    }

    /** Closing stdin flushes, which blocks if the twin reads nothing: never let that delay the kill. */
    private void closeQuietlyInBackground() {
        Thread closer = new Thread(connection.transport()::close, "cpy2j-" + spec.id() + "-close");
        closer.setDaemon(true);
        closer.start();
    }

    private void abandon() {
        stopping = true;
        closeQuietlyInBackground();
        process.destroy(0);
        callbacks.shutdown();
    }

    public boolean isOpen() {
        return endpoint.kernel().isOpen() && process.process().isAlive();
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Handshake handshake() {
        return handshake;
    }

    public TwinProcess process() {
        return process;
    }
}
