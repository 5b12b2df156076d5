package io.cpy2j;

import io.cpy2j.function.TwinBiFunction;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.function.TwinRunnable;
import io.cpy2j.function.TwinSupplier;
import io.cpy2j.function.TwinTriFunction;
import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.launch.TwinSpec;
import io.cpy2j.internal.master.TwinConnection;
import io.cpy2j.internal.object.Constructors;
import io.cpy2j.internal.object.RefDescriptor;
import io.cpy2j.internal.protocol.Handshake;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Launches and supervises one twin JVM and runs code in it (cpy2py's TwinMaster). One master per twin
 * id in a process. Thread-safe: many threads may call into the twin at once.
 *
 * <pre>{@code
 * TwinMaster jdk25 = TwinMaster.builder("jdk25").javaVersion(25).jvmArgs("-Xmx256m").build();
 * jdk25.start();
 * long sum = jdk25.execute(Functions::sumRange, 10_000_000L);
 * }</pre>
 */
public final class TwinMaster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwinMaster.class);
    private static final ConcurrentHashMap<String, TwinMaster> MASTERS = new ConcurrentHashMap<>();

    static {
        Thread hook = new Thread(TwinMaster::stopAll, "cpy2j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private final TwinSpec spec;
    private final AtomicInteger starts = new AtomicInteger();
    private volatile TwinConnection connection;
    private volatile TwinState state = TwinState.NEW;
    private volatile long startedAtNanos;

    TwinMaster(TwinSpec spec) {
        this.spec = spec;
    }

    public static TwinMasterBuilder builder(String twinId) {
        return new TwinMasterBuilder(twinId);
    }

    static TwinMaster register(TwinMaster master) {
        TwinMaster existing = MASTERS.putIfAbsent(master.id(), master);
        if (existing != null) {
            throw new IllegalStateException("a TwinMaster for twin '" + master.id() + "' already exists in this "
                    + "process; use Twins.master(\"" + master.id() + "\") or close() the other one first");
        }
        return master;
    }

    static List<String> ids() {
        return List.copyOf(MASTERS.keySet());
    }

    static Optional<TwinMaster> find(String twinId) {
        return Optional.ofNullable(MASTERS.get(twinId));
    }

    /** Launches the twin, waits for its handshake and runs the group initializers. Does nothing while running. */
    public synchronized TwinMaster start() {
        if (state == TwinState.RUNNING && connection.isOpen()) {
            return this;
        }
        if (!MASTERS.containsKey(id())) {
            throw new IllegalStateException("TwinMaster '" + id() + "' was closed; build a new one");
        }
        stopQuietly(); // a twin that died leaves a connection to clean up
        state = TwinState.STARTING;
        try {
            TwinConnection opened = TwinConnection.open(spec);
            try {
                TwinGroup.initialize(opened.endpoint(), id()); // before any other thread can call it
            } finally {
                connection = opened;
            }
        } catch (RuntimeException e) {
            stopQuietly();
            state = TwinState.TERMINATED;
            throw e;
        }
        startedAtNanos = System.nanoTime();
        starts.incrementAndGet();
        state = TwinState.RUNNING;
        log.info("twin '{}' started: pid {}, Java {} ({})", id(), pid().orElse(-1), connection.handshake().javaVersion(),
                connection.handshake().javaVendor());
        return this;
    }

    /** Stops the twin: lets it exit, and kills it after the shutdown timeout. Calls in flight fail. */
    public synchronized void stop() {
        if (connection == null || state == TwinState.STOPPED) {
            return;
        }
        state = TwinState.STOPPING;
        stopQuietly();
        state = TwinState.STOPPED;
    }

    private void stopQuietly() {
        TwinConnection current = connection;
        if (current != null) {
            current.stop();
        }
    }

    /** Stops the twin and frees its id, so another master may be built for it. */
    @Override
    public void close() {
        stop();
        MASTERS.remove(id(), this);
    }

    /**
     * The shutdown hook: stops every twin at once, each on its own thread (a parallel stream would share
     * the common pool's one or two threads and stop them in turn), and waits no longer than the longest
     * shutdown timeout plus a second, so a twin that will not die cannot hold the JVM's exit.
     */
    private static void stopAll() {
        List<TwinMaster> masters = List.copyOf(MASTERS.values());
        long deadline = System.nanoTime() + masters.stream().mapToLong(m -> m.spec.shutdownTimeout().toNanos())
                .max().orElse(0) + TimeUnit.SECONDS.toNanos(1);
        List<Thread> stoppers = masters.stream().map(m -> {
            Thread stopper = new Thread(m::stop, "cpy2j-shutdown-" + m.id());
            stopper.setDaemon(true);
            stopper.start();
            return stopper;
        }).toList();
        for (Thread stopper : stoppers) {
            try {
                stopper.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    // ---- running code in the twin ---------------------------------------------------------------

    @SuppressWarnings("unchecked")
    public <R, X extends Exception> R execute(TwinSupplier<R, X> function) throws X {
        return (R) endpoint().execute(function);
    }

    public <X extends Exception> void execute(TwinRunnable<X> function) throws X {
        endpoint().execute(function);
    }

    @SuppressWarnings("unchecked")
    public <A, R, X extends Exception> R execute(TwinFunction<A, R, X> function, A a) throws X {
        return (R) endpoint().execute(function, a);
    }

    @SuppressWarnings("unchecked")
    public <A, B, R, X extends Exception> R execute(TwinBiFunction<A, B, R, X> function, A a, B b) throws X {
        return (R) endpoint().execute(function, a, b);
    }

    @SuppressWarnings("unchecked")
    public <A, B, C, R, X extends Exception> R execute(TwinTriFunction<A, B, C, R, X> function, A a, B b, C c) throws X {
        return (R) endpoint().execute(function, a, b, c);
    }

    /**
     * Creates an instance of {@code type} natively in this twin and returns a proxy (a subclass proxy,
     * or a JDK proxy of its interfaces when the class cannot be subclassed). The instance crosses by
     * reference from then on, whether or not its class has {@link Twin}.
     */
    public <T> T create(Class<T> type, Object... args) {
        return type.cast(endpoint().execute((TwinBiFunction<String, Object[], Object, Exception>)
                Constructors::newExported, type.getName(), args));
    }

    /**
     * Creates an instance of {@code implementation} natively in this twin, seen here as {@code view}. For
     * an interface the caller gets a JDK proxy of that interface only, and this side never initialises or
     * subclasses the implementation; for a class, a subclass proxy as {@link #create(Class, Object...)}
     * gives. The first proxy of an object decides its kind for as long as it lives here.
     */
    public <I> I create(Class<I> view, Class<? extends I> implementation, Object... args) {
        if (!view.isInterface()) {
            return view.cast(create(implementation, args));
        }
        return createAs(view, implementation.getName(), args);
    }

    /**
     * Creates an instance of the class named {@code className}, which may exist only on the twin's
     * classpath (another version of a library, say), and returns a JDK proxy of {@code asInterface}.
     * A name of its own, so that {@code create(SuperComputer.class, "hal", 9000)} stays a constructor call.
     */
    public <I> I createByName(Class<I> asInterface, String className, Object... args) {
        if (!asInterface.isInterface()) {
            throw new IllegalArgumentException(asInterface.getName() + " is not an interface; createByName gives a "
                    + "proxy of an interface the class implements (create(Class, Object...) takes a class)");
        }
        return createAs(asInterface, className, args);
    }

    /** The twin sends the new object's reference as a value, so this side can pick the proxy for the view. */
    private <I> I createAs(Class<I> view, String className, Object[] args) {
        Endpoint endpoint = endpoint();
        RefDescriptor ref = (RefDescriptor) endpoint.execute((TwinBiFunction<String, Object[], Object, Exception>)
                Twins::createForMaster, className, args);
        return view.cast(endpoint.objects().fromRef(ref, view));
    }

    /** Objects counted on this master's side of the connection. */
    public TwinObjectCounts objectCounts() {
        TwinConnection current = connection;
        if (current == null) {
            return new TwinObjectCounts(0, 0);
        }
        return new TwinObjectCounts(current.endpoint().objects().proxyCount(),
                current.endpoint().objects().exportedCount());
    }

    /** How many of the twin's native objects are held alive by references from this master (asks the twin). */
    public int liveObjectsInTwin() {
        return execute(Twins::exportedToMaster);
    }

    // ---- asynchronous calls: many in flight from one thread ---------------------------------------

    /**
     * Runs {@code function} in the twin without waiting. The future completes, on a cpy2j thread, with
     * the result or the exception thrown (wrapped in a {@link java.util.concurrent.CompletionException}).
     */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> submit(TwinSupplier<R, ?> function) {
        return (CompletableFuture<R>) endpoint().submit(function);
    }

    public CompletableFuture<Void> submit(TwinRunnable<?> function) {
        return endpoint().submit(function).thenApply(ignored -> null);
    }

    @SuppressWarnings("unchecked")
    public <A, R> CompletableFuture<R> submit(TwinFunction<A, R, ?> function, A a) {
        return (CompletableFuture<R>) endpoint().submit(function, a);
    }

    @SuppressWarnings("unchecked")
    public <A, B, R> CompletableFuture<R> submit(TwinBiFunction<A, B, R, ?> function, A a, B b) {
        return (CompletableFuture<R>) endpoint().submit(function, a, b);
    }

    @SuppressWarnings("unchecked")
    public <A, B, C, R> CompletableFuture<R> submit(TwinTriFunction<A, B, C, R, ?> function, A a, B b, C c) {
        return (CompletableFuture<R>) endpoint().submit(function, a, b, c);
    }

    Endpoint endpoint() {
        TwinConnection current = connection;
        if (current == null || state == TwinState.NEW || state == TwinState.STARTING) {
            throw new TwinException("twin '" + id() + "' is not started: call start() first");
        }
        if (state == TwinState.STOPPED) {
            throw new TwinTerminatedException(id(), null, "twin '" + id() + "' was stopped; call start() to run it again");
        }
        return current.endpoint();
    }

    // ---- what a supervisor needs ----------------------------------------------------------------

    public String id() {
        return spec.id();
    }

    public TwinState state() {
        TwinConnection current = connection;
        if (state == TwinState.RUNNING && current != null && !current.isOpen()) {
            return TwinState.TERMINATED;
        }
        return state;
    }

    public boolean isAlive() {
        return state() == TwinState.RUNNING;
    }

    /** The twin process's pid, while it runs. */
    public OptionalLong pid() {
        TwinConnection current = connection;
        return isAlive() && current != null ? OptionalLong.of(current.handshake().pid()) : OptionalLong.empty();
    }

    /** The twin's {@code java.version} as it reported it ("25.0.3"), or the configured JDK's before start. */
    public String javaVersion() {
        Handshake handshake = connection == null ? null : connection.handshake();
        return handshake != null ? handshake.javaVersion() : spec.jdk().version();
    }

    /** The twin's {@code java.vendor}, or the configured JDK's implementor before start. */
    public String javaVendor() {
        Handshake handshake = connection == null ? null : connection.handshake();
        return handshake != null ? handshake.javaVendor() : spec.jdk().vendor();
    }

    public java.nio.file.Path javaHome() {
        return spec.jdk().home();
    }

    public Duration uptime() {
        return isAlive() ? Duration.ofNanos(System.nanoTime() - startedAtNanos) : Duration.ZERO;
    }

    /** Calls from this runtime that wait for the twin right now. */
    public int callsInFlight() {
        TwinConnection current = connection;
        return current == null ? 0 : current.endpoint().kernel().callsInFlight();
    }

    /** How many times the twin was started (a restart counts). */
    public int starts() {
        return starts.get();
    }

    @Override
    public String toString() {
        return "TwinMaster[" + id() + ", " + state() + ", Java " + javaVersion() + "]";
    }
}
