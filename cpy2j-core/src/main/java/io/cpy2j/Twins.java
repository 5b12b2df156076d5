package io.cpy2j;

import io.cpy2j.function.TwinBiFunction;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.function.TwinRunnable;
import io.cpy2j.function.TwinSupplier;
import io.cpy2j.function.TwinTriFunction;
import io.cpy2j.internal.call.Invocations;
import io.cpy2j.internal.call.CallObservers;
import io.cpy2j.internal.launch.JdkDiscovery;
import io.cpy2j.internal.launch.JdkInstallation;
import io.cpy2j.internal.object.Sneaky;
import io.cpy2j.internal.object.ByReference;
import io.cpy2j.internal.object.Constructors;
import io.cpy2j.internal.object.RefDescriptor;
import io.cpy2j.internal.object.TwinProxy;
import io.cpy2j.internal.twin.ThisRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Static entry points: which runtime this is, the masters of this process, twin functions (cpy2py's
 * {@code @twinfunction}) and group initializers.
 */
public final class Twins {

    /** The twin id of the master runtime. */
    public static final String MASTER_ID = ThisRuntime.MASTER_ID;

    private Twins() {
    }

    /** {@code "master"} in the master JVM, the twin's id in a twin. */
    public static String currentTwinId() {
        return ThisRuntime.twinId();
    }

    public static boolean isMaster() {
        return ThisRuntime.isMaster();
    }

    /** The master of a twin in this process; only in the master runtime. */
    public static TwinMaster master(String twinId) {
        return TwinMaster.find(twinId).orElseThrow(() -> new TwinException("no TwinMaster for twin '" + twinId
                + "' in this process" + (isMaster() ? "; build one with TwinMaster.builder(\"" + twinId + "\")"
                : " (this is twin '" + currentTwinId() + "'; masters live in the master runtime)")));
    }

    /**
     * A plain {@link Function} that runs {@code function} in twin {@code twinId}; in that twin itself
     * it calls {@code function} directly. Usable from the master and from any twin.
     */
    public static <A, R> Function<A, R> function(String twinId, TwinFunction<A, R, ?> function) {
        return a -> call(twinId, function, a);
    }

    public static <A, B, R> BiFunction<A, B, R> biFunction(String twinId, TwinBiFunction<A, B, R, ?> function) {
        return (a, b) -> call(twinId, function, a, b);
    }

    public static <R> Supplier<R> supplier(String twinId, TwinSupplier<R, ?> function) {
        return () -> call(twinId, function);
    }

    public static Runnable runnable(String twinId, TwinRunnable<?> function) {
        return () -> call(twinId, function);
    }

    /**
     * Creates an instance of a {@link Twin} class in its twin (constructor chosen as javac would for
     * the arguments) and returns a proxy; in that twin itself, returns the real object.
     */
    public static <T> T create(Class<T> type, Object... args) {
        String twinId = ByReference.twinIdOf(type);
        if (twinId == null) {
            throw new TwinException(type.getName() + " has no @Twin annotation: annotate it, or create it with "
                    + "TwinMaster.create(...) of the twin it should live in");
        }
        return create(twinId, type, args);
    }

    static <T> T create(String twinId, Class<T> type, Object[] args) {
        if (twinId.equals(currentTwinId())) {
            return Constructors.newInstance(type, args);
        }
        return type.cast(call(twinId, (TwinBiFunction<String, Object[], Object, Exception>) Constructors::newExported,
                type.getName(), args));
    }

    /**
     * Makes {@code object} (and every instance of its class) cross to other runtimes by reference: they
     * get a proxy implementing {@code interfaces} (all its interfaces if none are given), and their
     * calls come back here. Use it for listeners, callbacks and master-side services handed to twins.
     */
    public static <T> T export(T object, Class<?>... interfaces) {
        ByReference.export(object.getClass(), interfaces);
        return object;
    }

    /**
     * Makes every instance of exactly {@code type} sent from this runtime cross by reference, like
     * {@link #export} but declared up front, without an instance (a container declares its by-reference
     * types at start-up). Declare it before the first instance is sent; each runtime decides for what it
     * sends, so twins that return such instances declare it too, for example in a group initializer:
     * {@code Twins.addInitializer(() -> Twins.exportType(Box.class))}.
     *
     * @param interfaces what the other side's proxies implement; all the class's interfaces if none
     */
    public static void exportType(Class<?> type, Class<?>... interfaces) {
        ByReference.exportType(type, interfaces);
    }

    /** An asynchronous view of a proxy: its calls return {@code CompletableFuture}s. */
    public static <T> TwinAsync<T> async(T proxy) {
        if (!(proxy instanceof TwinProxy twinProxy)) {
            throw new IllegalArgumentException(proxy + " is not a proxy of an object in another runtime");
        }
        return new TwinAsync<>(proxy, twinProxy.cpy2jRemote().space().peer());
    }

    /** Whether {@code object} is a proxy for an object living in another runtime. */
    /**
     * Observes every call between this runtime and any other, on every connection, those made later
     * included. In a twin, add it from a group initializer to observe the twin's side.
     */
    public static void addCallObserver(TwinCallObserver observer) {
        CallObservers.addRuntimeWide(observer);
    }

    public static void removeCallObserver(TwinCallObserver observer) {
        CallObservers.removeRuntimeWide(observer);
    }

    /**
     * The JDKs a twin can run on, as {@code TwinMasterBuilder.javaVersion} finds them: {@code JAVA_HOME},
     * the running JVM, the usual install folders, SDKMAN and {@code ~/.jdks}; newest first.
     */
    public static List<JdkInfo> installedJdks() {
        return JdkDiscovery.standard().all().stream().map(JdkInstallation::info)
                .sorted(java.util.Comparator.comparingInt(JdkInfo::featureVersion).reversed()).toList();
    }

    public static boolean isProxy(Object object) {
        return object instanceof TwinProxy;
    }

    /**
     * Runs {@code initializer} in every twin when it starts, before it serves calls; with
     * {@code alsoInRunningTwins}, also right now in every twin already running.
     */
    public static void addInitializer(TwinRunnable<?> initializer, boolean alsoInRunningTwins) {
        List<TwinMaster> running = new ArrayList<>();
        if (alsoInRunningTwins) {
            for (String id : List.copyOf(masterIds())) {
                TwinMaster.find(id).filter(TwinMaster::isAlive).ifPresent(running::add);
            }
        }
        TwinGroup.add(initializer, running);
    }

    public static void addInitializer(TwinRunnable<?> initializer) {
        addInitializer(initializer, false);
    }

    /**
     * Forgets one group initializer: twins started later no longer run it (those running keep what it
     * did). For an owner that goes away while the twins stay, such as a Spring context sharing them.
     */
    public static void removeInitializer(TwinRunnable<?> initializer) {
        TwinGroup.remove(initializer);
    }

    /** Forgets all group initializers (for tests and for applications that reconfigure). */
    public static void clearInitializers() {
        TwinGroup.clear();
    }

    /**
     * In a twin: creates an object and exports it to the master, returning the reference itself rather
     * than a proxy-to-be, so the master chooses the kind of proxy (see {@link TwinMaster#createByName}).
     */
    static RefDescriptor createForMaster(String className, Object[] args) throws Exception {
        return ThisRuntime.master().objects().toRef(Constructors.newExported(className, args));
    }

    /** In a twin: how many of its native objects the master holds references to. */
    static int exportedToMaster() {
        return isMaster() ? 0 : ThisRuntime.master().objects().exportedCount();
    }

    static List<String> masterIds() {
        return TwinMaster.ids();
    }

    @SuppressWarnings("unchecked")
    private static <R> R call(String twinId, Object function, Object... args) {
        try {
            if (twinId.equals(currentTwinId())) {
                return (R) Invocations.invoke(function, args);
            }
            if (isMaster()) {
                return (R) master(twinId).endpoint().execute(function, args);
            }
            if (twinId.equals(MASTER_ID)) {
                return (R) ThisRuntime.master().execute(function, args);
            }
            // twin to twin: the master relays the call to the other twin
            return (R) ThisRuntime.master().execute((TwinTriFunction<String, Object, Object[], Object, Exception>)
                    Twins::relay, twinId, function, args);
        } catch (Exception e) {
            throw Sneaky.raise(e);
        }
    }

    private static Object relay(String twinId, Object function, Object[] args) throws Exception {
        return master(twinId).endpoint().execute(function, args);
    }
}
