package io.cpy2j;

import io.cpy2j.function.TwinBiFunction;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.function.TwinRunnable;
import io.cpy2j.function.TwinSupplier;
import io.cpy2j.function.TwinTriFunction;
import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.launch.TwinSpec;
import io.cpy2j.internal.master.TwinSupervisor;
import io.cpy2j.internal.object.Recreatable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.concurrent.TimeUnit;

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

    private static final ConcurrentHashMap<String, TwinMaster> MASTERS = new ConcurrentHashMap<>();

    static {
        Thread hook = new Thread(TwinMaster::stopAll, "cpy2j-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private final TwinSupervisor supervisor;
    private final boolean shutdownHook;
    private final Settings settings;
    /** How many owners share this master (see {@link TwinMasterBuilder#acquire()}); guarded by MASTERS. */
    private int owners = 1;
    private final Recreatables recreatables = new Recreatables();

    /** What two owners of one twin id must agree on to share it. */
    record Settings(TwinSpec spec, Duration callTimeout, RestartPolicy restartPolicy, boolean shutdownHook) {
    }

    TwinMaster(Settings settings, List<TwinListener> listeners, List<TwinCallObserver> observers) {
        this.settings = settings;
        this.shutdownHook = settings.shutdownHook();
        this.supervisor = new TwinSupervisor(settings.spec(), settings.callTimeout(), settings.restartPolicy(),
                listeners, observers, endpoint -> {
                    TwinGroup.initialize(endpoint, settings.spec().id());
                    recreatables.recreateAll(endpoint);
                });
    }

    public static TwinMasterBuilder builder(String twinId) {
        return new TwinMasterBuilder(twinId);
    }

    static TwinMaster register(TwinMaster master) {
        TwinMaster existing = MASTERS.putIfAbsent(master.id(), master);
        if (existing != null) {
            throw new IllegalStateException("a TwinMaster for twin '" + master.id() + "' already exists in this "
                    + "process; use Twins.master(\"" + master.id() + "\"), TwinMasterBuilder.acquire() to share it, "
                    + "or close() the other one first");
        }
        return master;
    }

    /** The master already registered for this id when its settings are the same, else {@code wanted}. */
    static TwinMaster acquire(TwinMaster wanted, List<TwinListener> listeners, List<TwinCallObserver> observers) {
        synchronized (MASTERS) {
            TwinMaster existing = MASTERS.putIfAbsent(wanted.id(), wanted);
            if (existing == null) {
                return wanted;
            }
            if (!existing.settings.equals(wanted.settings)) {
                throw new IllegalStateException("twin '" + wanted.id() + "' is already owned in this process with other "
                        + "settings, so it cannot be shared: " + existing.settings + " differs from " + wanted.settings
                        + ". Give one of them another twin id, or the same settings");
            }
            existing.owners++;
            listeners.forEach(existing::addListener);
            observers.forEach(existing::addCallObserver);
            return existing;
        }
    }

    static List<String> ids() {
        return List.copyOf(MASTERS.keySet());
    }

    static Optional<TwinMaster> find(String twinId) {
        return Optional.ofNullable(MASTERS.get(twinId));
    }

    /** Launches the twin, waits for its handshake and runs the group initializers. Does nothing while running. */
    public TwinMaster start() {
        if (MASTERS.get(id()) != this) {
            throw new IllegalStateException("TwinMaster '" + id() + "' was closed; build a new one");
        }
        supervisor.start();
        return this;
    }

    /** Stops the twin: lets it exit, and kills it after the shutdown timeout. Calls in flight fail. */
    public void stop() {
        supervisor.stop();
    }

    /**
     * Stops the twin and frees its id, so another master may be built for it. A master shared through
     * {@link TwinMasterBuilder#acquire()} is stopped when its last owner closes it.
     */
    @Override
    public void close() {
        synchronized (MASTERS) {
            if (owners == 0 || --owners > 0) {
                return; // closed already, or another owner still holds it
            }
            MASTERS.remove(id(), this); // inside the lock: an acquire now builds a new master
        }
        stop();
    }

    /**
     * The shutdown hook: stops every twin at once, each on its own thread (a parallel stream would share
     * the common pool's one or two threads and stop them in turn), and waits no longer than the longest
     * shutdown timeout plus a second, so a twin that will not die cannot hold the JVM's exit. Masters
     * whose owner manages their life ({@code shutdownHook(false)}) are left to it.
     */
    private static void stopAll() {
        List<TwinMaster> masters = MASTERS.values().stream().filter(m -> m.shutdownHook).toList();
        long deadline = System.nanoTime() + masters.stream().mapToLong(m -> m.settings.spec().shutdownTimeout().toNanos())
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
        return type.cast(TwinCreation.in(endpoint(), type, type.getName(), args));
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

    private <I> I createAs(Class<I> view, String className, Object[] args) {
        return view.cast(TwinCreation.in(endpoint(), view, className, args));
    }

    /**
     * Creates an instance of {@code implementation} in this twin, seen here as {@code view}, that is
     * <em>recreatable</em>: whenever the twin is started again (restarted by its {@link RestartPolicy}, or
     * by {@code start()} after it died), a new instance is created in the new twin process with fresh
     * arguments from {@code args}, and the proxy returned here goes on working against it. The old
     * instance's state is lost. While a restart is under way, calls on the proxy wait for it up to the
     * call timeout. A JDK proxy for an interface view, a subclass proxy for a class.
     */
    public <T> T createRecreatable(Class<T> view, Class<? extends T> implementation, Supplier<Object[]> args) {
        Recreatable<Endpoint> handle = Recreatable.of(view,
                endpoint -> TwinCreation.in(endpoint, view, implementation.getName(), args.get()), supervisor::endpoint);
        recreatables.add(handle); // first: a restart from now on makes it too
        handle.recreate(endpoint());
        return view.cast(handle.proxy());
    }

    /**
     * Stops making the object behind {@code proxy} (from {@link #createRecreatable}) again when the twin
     * starts again: for an owner that goes away while the twin stays, whose {@code args} could no longer be
     * given (a closed Spring context). The proxy then goes stale with the twin process it was made in.
     */
    public void forgetRecreatable(Object proxy) {
        recreatables.forget(proxy);
    }

    /** {@link #createRecreatable(Class, Class, Supplier)} of a class seen as itself. */
    public <T> T createRecreatable(Class<T> type, Supplier<Object[]> args) {
        return createRecreatable(type, type, args);
    }

    /** Objects counted on this master's side of the connection. */
    public TwinObjectCounts objectCounts() {
        TwinStatus status = status();
        return new TwinObjectCounts(status.proxies(), status.exported());
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
        return supervisor.endpoint();
    }

    // ---- what a supervisor needs ----------------------------------------------------------------

    public String id() {
        return supervisor.id();
    }

    public TwinState state() {
        return supervisor.state();
    }

    public boolean isAlive() {
        return state() == TwinState.RUNNING;
    }

    /** One consistent snapshot: state, pid, JDK, uptime, starts, restarts, calls in flight, objects, last failure. */
    public TwinStatus status() {
        return supervisor.status();
    }

    /**
     * Observes every call between this master and its twin, both ways, from now on and in every later
     * twin process (also settable on the builder). Observers of all connections: {@link Twins#addCallObserver}.
     */
    public void addCallObserver(TwinCallObserver observer) {
        supervisor.addCallObserver(observer);
    }

    /**
     * Stops an observer added here (or on the builder) from seeing this twin's calls: a call under way
     * may still end in it. For an owner that goes away while the twin stays (a context sharing it).
     */
    public void removeCallObserver(TwinCallObserver observer) {
        supervisor.removeCallObserver(observer);
    }

    /** Receives this twin's life events from now on (also settable on the builder, to see the first start). */
    public void addListener(TwinListener listener) {
        supervisor.addListener(listener);
    }

    public void removeListener(TwinListener listener) {
        supervisor.removeListener(listener);
    }

    /** The twin process's pid, while it runs. */
    public OptionalLong pid() {
        Long pid = status().pid();
        return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
    }

    /** The twin's {@code java.version} as it reported it ("25.0.3"), or the configured JDK's before start. */
    public String javaVersion() {
        return status().javaVersion();
    }

    /** The twin's {@code java.vendor}, or the configured JDK's implementor before start. */
    public String javaVendor() {
        return status().javaVendor();
    }

    public java.nio.file.Path javaHome() {
        return settings.spec().jdk().home();
    }

    public Duration uptime() {
        return status().uptime();
    }

    /** Calls from this runtime that wait for the twin right now. */
    /** How far this master trusts what its twin sends ({@link TwinMasterBuilder#trust}). */
    public TwinTrust trust() {
        return settings.spec().trust();
    }

    public int callsInFlight() {
        return status().callsInFlight();
    }

    /** How many times the twin was started (a restart counts). */
    public int starts() {
        return status().starts();
    }

    /** How many times the twin was restarted by its {@link RestartPolicy}. */
    public int restarts() {
        return status().restarts();
    }

    @Override
    public String toString() {
        return "TwinMaster[" + id() + ", " + state() + ", Java " + javaVersion() + "]";
    }
}
