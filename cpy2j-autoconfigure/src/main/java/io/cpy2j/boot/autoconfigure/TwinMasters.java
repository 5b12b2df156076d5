package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import io.cpy2j.Twins;
import io.cpy2j.TwinCallObserver;
import io.cpy2j.boot.TwinGroupInitializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;

/**
 * The twins of one Spring context: builds a {@link TwinMaster} per declared twin, starts the eager ones
 * in parallel, starts a lazy one when it is first needed, and releases them all when the context stops.
 *
 * <p>Eager twins start as soon as this bean exists rather than in the lifecycle's start phase, because a
 * {@code @TwinComponent} singleton needs its twin while the context still creates beans; the starts
 * overlap with the rest of the refresh, and {@link TwinsLifecycle} waits for them before the web server.
 */
final class TwinMasters implements ApplicationEventPublisherAware, InitializingBean, DisposableBean {

    /** The bean name of the context's only instance. */
    static final String BEAN_NAME = "cpy2jTwinMasters";

    private static final Duration STOPPED_EVENT_WAIT = Duration.ofSeconds(2);

    private final Map<String, TwinSettings> settings;
    private final Map<String, TwinMaster> masters;
    private final TwinEventPublisher events;
    private final Supplier<List<TwinGroupInitializer>> initializers;
    private final Supplier<List<TwinCallObserver>> observers;
    private final Map<String, CompletableFuture<Void>> starts = new ConcurrentHashMap<>();
    private final AtomicBoolean initializersAdded = new AtomicBoolean();
    /** What this context added, so that it takes exactly that back when it closes and the twins stay. */
    private List<TwinGroupInitializer> addedInitializers = List.of();
    private List<TwinCallObserver> addedObservers = List.of();
    /** Its @TwinComponent proxies, by twin: made again at a restart with this context's beans. */
    private final Map<String, List<Object>> components = new ConcurrentHashMap<>();
    private final AtomicBoolean released = new AtomicBoolean();

    TwinMasters(Map<String, TwinSettings> settings, TwinMasterFactory factory, TwinEventPublisher events,
                Supplier<List<TwinGroupInitializer>> initializers, Supplier<List<TwinCallObserver>> observers) {
        this.observers = observers;
        this.settings = settings;
        this.events = events;
        this.initializers = initializers;
        this.masters = Collections.unmodifiableMap(acquireAll(settings, factory, events));
    }

    /** Builds every master, or none: when one fails, those built so far are released again. */
    private static Map<String, TwinMaster> acquireAll(Map<String, TwinSettings> settings, TwinMasterFactory factory,
                                                      TwinEventPublisher events) {
        Map<String, TwinMaster> built = new LinkedHashMap<>();
        try {
            settings.forEach((id, twin) -> built.put(id, factory.acquire(twin, events)));
            return built;
        } catch (RuntimeException e) {
            built.values().forEach(master -> closeQuietly(master, events));
            throw e;
        }
    }

    TwinMaster master(String twinId) {
        TwinMaster master = masters.get(twinId);
        if (master == null) {
            throw new IllegalArgumentException("no twin '" + twinId + "' is declared; declared: " + masters.keySet());
        }
        return master;
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
        events.open(publisher);
    }

    @Override
    public void afterPropertiesSet() {
        startEager();
    }

    /** Starts every eager twin not started yet, each on a thread of its own; returns at once. */
    void startEager() {
        addInitializers();
        settings.values().stream().filter(twin -> !twin.isLazy()).forEach(twin -> startAsync(twin.id()));
    }

    /** Waits until the twin runs: the eager start under way, or a lazy twin's start now, on this thread. */
    void awaitRunning(String twinId) {
        TwinSettings twin = settings.get(twinId);
        if (twin != null && twin.isLazy()) {
            addInitializers();
            master(twinId).start();
            return;
        }
        join(startAsync(twinId));
    }

    /** Waits for every eager twin; the first failure is thrown as it was. */
    void awaitEager() {
        startEager();
        settings.values().stream().filter(twin -> !twin.isLazy()).forEach(twin -> join(startAsync(twin.id())));
    }

    private CompletableFuture<Void> startAsync(String twinId) {
        TwinMaster master = master(twinId);
        return starts.computeIfAbsent(twinId, id -> CompletableFuture.runAsync(master::start,
                task -> daemon("cpy2j-start-" + id, task).start()));
    }

    /** Before the first start: the context's group initializers, and its call observers on every twin. */
    private void addInitializers() {
        if (released.get() || initializersAdded.get()) {
            return;
        }
        // The beans are looked up outside the lock: a lookup may wait for Spring's own, held by a closing thread.
        List<TwinGroupInitializer> contextInitializers = List.copyOf(initializers.get());
        List<TwinCallObserver> contextObservers = List.copyOf(observers.get());
        synchronized (this) { // not while release takes them back
            if (released.get() || !initializersAdded.compareAndSet(false, true)) {
                return;
            }
            addedInitializers = contextInitializers;
            addedInitializers.forEach(Twins::addInitializer);
            addedObservers = contextObservers;
            masters.values().forEach(master -> addedObservers.forEach(master::addCallObserver));
        }
    }

    /**
     * Gives up this context's ownership of every twin, in parallel: a twin stops unless another context
     * shares it. Runs once; later calls return at once.
     */
    void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        takeBackWhatThisContextAdded();
        List<Thread> closers = new ArrayList<>();
        masters.forEach((id, master) -> closers.add(daemon("cpy2j-stop-" + id, () -> closeQuietly(master, events))));
        closers.forEach(Thread::start);
        closers.forEach(TwinMasters::joinQuietly);
        events.close();
    }

    /** Registers a @TwinComponent proxy this context made, to be forgotten by its twin when the context closes. */
    void created(String twinId, Object component) {
        components.computeIfAbsent(twinId, id -> new CopyOnWriteArrayList<>()).add(component);
    }

    /** A twin another context shares goes on: it must not call this closed context's beans again. */
    private synchronized void takeBackWhatThisContextAdded() {
        addedInitializers.forEach(Twins::removeInitializer);
        masters.values().forEach(master -> addedObservers.forEach(master::removeCallObserver));
        components.forEach((id, made) -> made.forEach(masters.get(id)::forgetRecreatable));
    }

    @Override
    public void destroy() {
        release();
    }

    /**
     * Closes this context's share of a master; when that stopped the twin, waits (boundedly) for the
     * Stopped event to reach the context before removing the listener.
     */
    private static void closeQuietly(TwinMaster master, TwinEventPublisher events) {
        boolean wasUp = master.state() != TwinState.NEW && master.state() != TwinState.STOPPED;
        CountDownLatch stopped = events.expectStopped(master.id());
        try {
            master.close();
            if (wasUp && master.state() == TwinState.STOPPED) {
                stopped.await(STOPPED_EVENT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            events.forget(master.id());
            master.removeListener(events);
        }
    }

    private static void join(CompletableFuture<Void> start) {
        try {
            start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
