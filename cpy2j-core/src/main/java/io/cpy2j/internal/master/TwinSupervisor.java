package io.cpy2j.internal.master;

import io.cpy2j.RestartPolicy;
import io.cpy2j.TwinCallObserver;
import io.cpy2j.TwinEvent;
import io.cpy2j.TwinException;
import io.cpy2j.TwinFailure;
import io.cpy2j.TwinListener;
import io.cpy2j.TwinState;
import io.cpy2j.TwinStatus;
import io.cpy2j.TwinTerminatedException;
import io.cpy2j.TwinTimeoutException;
import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.launch.TwinSpec;
import io.cpy2j.internal.object.LogText;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one twin: starting and stopping its process, noticing its death, restarting it by its
 * {@link RestartPolicy}, telling listeners, and one consistent {@link TwinStatus}. {@code TwinMaster}
 * is the public face of this class.
 */
public final class TwinSupervisor {

    private static final Logger log = LoggerFactory.getLogger(TwinSupervisor.class);

    private final TwinSpec spec;
    private final Duration callTimeout;
    private final RestartPolicy restartPolicy;
    private final Consumer<Endpoint> initializer;
    private final List<TwinCallObserver> observers = new CopyOnWriteArrayList<>();
    private final TwinEvents events;
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger restarts = new AtomicInteger();
    /** Notified whenever a restart ends, well or not, and on stop: callers waiting for a restart look again. */
    private final Object restartDone = new Object();
    /** Guards the generation and the moves into RESTARTING, which the thread that notices a death makes. */
    private final Object stateLock = new Object();
    private volatile TwinConnection connection;
    private volatile TwinState state = TwinState.NEW;
    private volatile long startedAtNanos;
    private volatile TwinFailure lastFailure;
    /** The last call timeout of the live connection, {@code null} if none: cleared by each start. */
    private volatile TwinFailure lastTimeout;
    /** Bumped by every stop and start: a restart scheduled before it, or a death of an older connection, no longer applies. */
    private volatile int generation;

    /**
     * @param initializer runs against every new connection before anyone else may call it (group
     *                    initializers, recreatable objects); a failure fails the start
     */
    public TwinSupervisor(TwinSpec spec, Duration callTimeout, RestartPolicy restartPolicy, List<TwinListener> listeners,
                          List<TwinCallObserver> observers, Consumer<Endpoint> initializer) {
        this.observers.addAll(observers);
        this.spec = spec;
        this.callTimeout = callTimeout;
        this.restartPolicy = restartPolicy;
        this.initializer = initializer;
        this.events = new TwinEvents(spec.id(), listeners);
    }

    /** Launches the twin unless it runs; waits for its handshake and runs the initializer. */
    public synchronized void start() {
        if (state == TwinState.RUNNING && connection.isOpen()) {
            return;
        }
        synchronized (stateLock) {
            generation++;
        }
        open(TwinState.STARTING);
        events.publish(new TwinEvent.Started(id(), status()));
    }

    /** @param meanwhile the state while it starts: RESTARTING keeps callers waiting for it */
    private void open(TwinState meanwhile) {
        closeConnection(); // a twin that died leaves a connection to clean up
        state = meanwhile;
        lastTimeout = null;
        TwinConnection opened;
        int openedIn = generation;
        try {
            opened = TwinConnection.open(spec, death -> died(death, openedIn));
            opened.endpoint().callTimeout(callTimeout);
            opened.endpoint().onTimeout(timeout -> timedOut(opened, timeout));
            observers.forEach(opened.endpoint()::addObserver);
            try {
                initializer.accept(opened.endpoint()); // before any other thread can call it
            } finally {
                connection = opened;
            }
        } catch (RuntimeException e) {
            closeConnection();
            lastFailure = failure(e, null);
            state = TwinState.TERMINATED;
            throw e;
        }
        startedAtNanos = System.nanoTime();
        starts.incrementAndGet();
        state = TwinState.RUNNING;
        log.info("twin '{}' started: pid {}, Java {} ({})", id(), opened.process().pid(),
                LogText.oneLine(opened.handshake().javaVersion()), LogText.oneLine(opened.handshake().javaVendor()));
    }

    /** Stops the twin: lets it exit, and kills it after the shutdown timeout. Calls in flight fail. */
    public synchronized void stop() {
        synchronized (stateLock) {
            generation++; // cancels a restart that is waiting for its backoff, and makes a death now moot
        }
        if (connection == null || state == TwinState.STOPPED) {
            return;
        }
        state = TwinState.STOPPING;
        closeConnection();
        state = TwinState.STOPPED;
        signalRestartDone();
        events.publish(new TwinEvent.Stopped(id(), status()));
    }

    private void closeConnection() {
        TwinConnection current = connection;
        if (current != null) {
            current.stop().ifPresent(killed -> lastFailure = withLastTimeout(killed, current));
        }
    }

    /**
     * A call of the live twin got no answer in time: health shows it, since the twin may be wedged while
     * its process runs on. Timeouts of a connection already replaced or lost are of no interest: its
     * death says more (a stuck write's timeout comes with the kill it causes, and must not hide it).
     */
    private void timedOut(TwinConnection on, TwinTimeoutException timeout) {
        if (connection == on && on.isOpen()) {
            lastTimeout = new TwinFailure(Instant.now(), timeout.getMessage(), null);
            lastFailure = lastTimeout;
        }
    }

    /** A kill on stop says why it was needed: the last call that timed out on that twin, if any. */
    private TwinFailure withLastTimeout(TwinFailure killed, TwinConnection of) {
        TwinFailure timeout = lastTimeout;
        if (timeout == null || of != connection) {
            return killed;
        }
        return new TwinFailure(killed.time(), killed.message() + "; the last call that timed out before: "
                + timeout.message(), killed.exitStatus());
    }

    /**
     * The twin died on its own; called on the thread that noticed, so it only records and schedules. A
     * death of a connection from before the last start or stop ({@code openedIn} is old) restarts nothing.
     */
    private void died(TwinTerminatedException death, int openedIn) {
        TwinFailure failure = failure(death, death.exitStatus().isPresent() ? death.exitStatus().getAsInt() : null);
        boolean willRestart;
        int scheduledIn;
        synchronized (stateLock) { // not the supervisor's monitor: a start holds it while its initializer calls
            if (openedIn != generation) {
                return; // a connection already replaced or stopped: nothing of today's twin
            }
            lastFailure = failure;
            willRestart = state == TwinState.RUNNING && restartPolicy.allowsAnother(restarts.get());
            if (willRestart) {
                state = TwinState.RESTARTING;
            }
            scheduledIn = generation;
        }
        events.publish(new TwinEvent.Terminated(id(), status(), failure, willRestart)); // before Restarting
        if (willRestart) {
            Thread restarter = new Thread(() -> restartLoop(scheduledIn), "cpy2j-" + id() + "-restart");
            restarter.setDaemon(true);
            restarter.start();
        }
    }

    private void restartLoop(int scheduledIn) {
        for (int attempt = 1; ; attempt++) {
            Duration delay = restartPolicy.delayBefore(attempt);
            events.publish(new TwinEvent.Restarting(id(), status(), attempt, delay));
            sleep(delay);
            try {
                if (restartOnce(scheduledIn)) {
                    events.publish(new TwinEvent.Restarted(id(), status(), attempt));
                }
                return; // restarted, or stopped or started by its owner meanwhile
            } catch (RuntimeException e) {
                boolean willRetry;
                synchronized (stateLock) {
                    willRetry = restartPolicy.allowsAnother(restarts.get()) && generation == scheduledIn;
                    if (willRetry) {
                        state = TwinState.RESTARTING; // callers keep waiting for the next attempt
                    }
                }
                log.warn("restart {} of twin '{}' failed: {}", attempt, id(), e.getMessage());
                events.publish(new TwinEvent.RestartFailed(id(), status(), attempt, failure(e, null), willRetry));
                if (!willRetry) {
                    signalRestartDone();
                    return;
                }
            }
        }
    }

    private synchronized boolean restartOnce(int scheduledIn) {
        if (generation != scheduledIn) {
            return false;
        }
        restarts.incrementAndGet();
        open(TwinState.RESTARTING);
        signalRestartDone();
        return true;
    }

    private void signalRestartDone() {
        synchronized (restartDone) {
            restartDone.notifyAll();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The connection's endpoint for a call. While the twin restarts, waits up to the call timeout for
     * it; without a call timeout, or when it does not come back in time, fails with
     * {@link TwinTerminatedException}.
     */
    public Endpoint endpoint() {
        if (state == TwinState.RESTARTING) {
            awaitRestart();
        }
        TwinConnection current = connection;
        TwinState now = state;
        if (current == null || now == TwinState.NEW || now == TwinState.STARTING) {
            throw new TwinException("twin '" + id() + "' is not started: call start() first");
        }
        if (now == TwinState.STOPPED || now == TwinState.STOPPING) {
            throw new TwinTerminatedException(id(), null, "twin '" + id() + "' was stopped; call start() to run it again");
        }
        if (now == TwinState.RESTARTING) {
            throw new TwinTerminatedException(id(), lastExitStatus(), "twin '" + id() + "' died and is restarting"
                    + (callTimeout.isZero() ? "; set a callTimeout to have calls wait for the restart"
                    : " and did not come back within the call timeout of " + callTimeout));
        }
        return current.endpoint();
    }

    private void awaitRestart() {
        long deadline = System.nanoTime() + callTimeout.toNanos();
        synchronized (restartDone) {
            while (state == TwinState.RESTARTING && System.nanoTime() < deadline) {
                try {
                    restartDone.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Integer lastExitStatus() {
        TwinFailure failure = lastFailure;
        return failure == null ? null : failure.exitStatus();
    }

    public TwinState state() {
        TwinConnection current = connection;
        TwinState now = state;
        if (now == TwinState.RUNNING && current != null && !current.isOpen()) {
            return TwinState.TERMINATED;
        }
        return now;
    }

    /** One snapshot, every figure read from the same connection. */
    public TwinStatus status() {
        TwinConnection current = connection;
        TwinState now = state();
        boolean running = now == TwinState.RUNNING && current != null;
        var handshake = current == null ? null : current.handshake();
        var objects = current == null ? null : current.endpoint().objects();
        // The pid is the process this master launched, not the one the twin says it has: a subverted
        // twin could name another process for whoever acts on the pid (a kill, a thread dump).
        return new TwinStatus(id(), now, running ? current.process().pid() : null,
                handshake != null ? handshake.javaVersion() : spec.jdk().version(),
                handshake != null ? handshake.javaVendor() : spec.jdk().vendor(), spec.jdk().home(),
                running ? Duration.ofNanos(System.nanoTime() - startedAtNanos) : Duration.ZERO, starts.get(),
                restarts.get(), current == null ? 0 : current.endpoint().kernel().callsInFlight(),
                objects == null ? 0 : objects.proxyCount(), objects == null ? 0 : objects.exportedCount(), lastFailure);
    }

    /** Observes the calls of this twin's connection, and of every later one. */
    public synchronized void addCallObserver(TwinCallObserver observer) {
        observers.add(observer);
        TwinConnection current = connection;
        if (current != null) {
            current.endpoint().addObserver(observer);
        }
    }

    /** Stops observing this twin's calls, on the current connection and later ones. */
    public synchronized void removeCallObserver(TwinCallObserver observer) {
        observers.remove(observer);
        TwinConnection current = connection;
        if (current != null) {
            current.endpoint().removeObserver(observer);
        }
    }

    public void addListener(TwinListener listener) {
        events.add(listener);
    }

    public void removeListener(TwinListener listener) {
        events.remove(listener);
    }

    /** The live connection, or {@code null} before the first start. */
    public TwinConnection connection() {
        return connection;
    }

    public TwinSpec spec() {
        return spec;
    }

    public String id() {
        return spec.id();
    }

    private static TwinFailure failure(RuntimeException e, Integer exitStatus) {
        return new TwinFailure(Instant.now(), e.getMessage(), exitStatus);
    }
}
