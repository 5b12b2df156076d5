package io.cpy2j.internal.call;

import io.cpy2j.TwinCallObserver;
import io.cpy2j.TwinTimeoutException;
import io.cpy2j.internal.codec.Codec;
import io.cpy2j.internal.kernel.Kernel;
import io.cpy2j.internal.kernel.RequestHandler;
import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.Peer;
import io.cpy2j.internal.object.Trust;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One side of a connection between two runtimes, in terms of calls: a {@link Caller} that sends this
 * side's calls and a {@link Dispatcher} that serves the peer's, with the call observers between them
 * and the wire. Both the master and the twin use it.
 *
 * <p>Operations: EXECUTE a function, INVOKE a method on an exported object, RELEASE proxies. A request's
 * body is the operation, the call's kind, its headers, then what the operation needs.
 */
public final class Endpoint implements Peer {

    static final byte OP_EXECUTE = 1;
    static final byte OP_INVOKE = 2;
    static final byte OP_RELEASE = 3;

    private final String localId;
    private final String remoteId;
    private final ObjectSpace objects;
    private final CallObservers observers = new CallObservers();
    private final Caller caller;
    private final Dispatcher dispatcher;
    private volatile Kernel kernel;

    public Endpoint(String localId, String remoteId, Function<ObjectSpace, Codec> codecFactory) {
        this(localId, remoteId, Trust.FULL, codecFactory);
    }

    /** @param trust what the peer may name and reach on this side */
    public Endpoint(String localId, String remoteId, Trust trust, Function<ObjectSpace, Codec> codecFactory) {
        this.localId = localId;
        this.remoteId = remoteId;
        this.objects = new ObjectSpace(this, trust);
        Codec codec = codecFactory.apply(objects);
        this.caller = new Caller(this, codec, observers);
        this.dispatcher = new Dispatcher(this, codec, objects, observers);
    }

    public void connect(Kernel kernel) {
        this.kernel = kernel;
    }

    /** What the kernel hands the peer's requests to. */
    public RequestHandler dispatcher() {
        return dispatcher;
    }

    /** How long an outgoing call waits for its reply before it fails with a timeout; zero: no limit. */
    public void callTimeout(Duration timeout) {
        caller.callTimeout(timeout);
    }

    /** Told of every outgoing call that fails with a timeout, on the thread that fails it; must not block. */
    public void onTimeout(Consumer<TwinTimeoutException> listener) {
        caller.onTimeout(listener);
    }

    public void removeObserver(TwinCallObserver observer) {
        observers.remove(observer);
    }

    /** Observes the calls of this connection, both ways, besides the observers of the whole runtime. */
    public void addObserver(TwinCallObserver observer) {
        observers.add(observer);
    }

    public Kernel kernel() {
        return kernel;
    }

    public ObjectSpace objects() {
        return objects;
    }

    /** Runs {@code function} with {@code args} on the other side and returns its result there. */
    public Object execute(Object function, Object... args) {
        return caller.execute(function, args);
    }

    /** Runs {@code factory(className, args)} on the other side: creates an object there (observed as such). */
    public Object create(Object factory, String className, Object[] args) {
        return caller.create(factory, className, args);
    }

    /** Like {@link #execute} without waiting: the future completes with the result or the remote exception. */
    @Override
    public CompletableFuture<Object> submit(Object function, Object... args) {
        return caller.submit(function, args);
    }

    /** Calls a method of the peer's native object {@code id}. */
    @Override
    public Object invoke(long id, Method method, Object[] args) {
        return caller.invoke(id, method, args);
    }

    @Override
    public void release(long[] ids, long[] counts) {
        caller.release(ids, counts);
    }

    @Override
    public RuntimeException closedWith() {
        Kernel current = kernel;
        return current == null ? null : current.closedWith();
    }

    public String localId() {
        return localId;
    }

    @Override
    public String remoteId() {
        return remoteId;
    }
}
