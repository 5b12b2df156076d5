package io.cpy2j.internal.object;

import io.cpy2j.LocalMethod;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * A proxy that outlives its twin: it stands for an object that is created again in every new twin
 * process after a restart, and forwards each call to the proxy of the object that lives now. Its
 * state is lost with each restart; the proxy callers hold stays valid. Sent to the twin, it is the
 * current object's reference, so the twin gets its own object back.
 *
 * @param <C> what a new object is created on (the connection to the new twin)
 */
public final class Recreatable<C> implements InvocationHandler {

    private final Function<C, Object> create;
    private final Runnable awaitRestart;
    private volatile Object proxy;
    private volatile Object current;

    /**
     * @param create       makes the object in the twin behind {@code on} and returns its plain proxy
     * @param awaitRestart returns once the twin runs again (its objects recreated), or throws why not
     */
    private Recreatable(Function<C, Object> create, Runnable awaitRestart) {
        this.create = create;
        this.awaitRestart = awaitRestart;
    }

    /**
     * A handle whose {@link #proxy()} is a JDK proxy of {@code view} for an interface and a subclass proxy
     * for a class; its object is made by the first {@link #recreate}. Registered for restarts before that,
     * so that a restart in between cannot pass it by.
     */
    public static <C> Recreatable<C> of(Class<?> view, Function<C, Object> create, Runnable awaitRestart) {
        Recreatable<C> handle = new Recreatable<>(create, awaitRestart);
        handle.proxy = ProxyFactory.proxyFor(view, handle);
        return handle;
    }

    /** The one proxy callers keep, across restarts. */
    public Object proxy() {
        return proxy;
    }

    /**
     * Creates the object again, in the twin behind {@code on}. The lasting proxy takes the plain one's
     * place in its object space, so the object sent back by the twin is this proxy again (identity).
     */
    public void recreate(C on) {
        Object created = create.apply(on);
        ((TwinProxy) created).cpy2jRemote().space().standIn(created, proxy);
        current = created;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault() && method.isAnnotationPresent(LocalMethod.class)) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        Object target = live();
        if (method.getDeclaringClass() == TwinProxy.class) {
            return ((TwinProxy) target).cpy2jRemote();
        }
        // Straight to the current object's handler: no reflection, no second proxy on the way.
        return ((TwinProxy) target).cpy2jRemote().invoke(target, method, args);
    }

    /** The current object's proxy; after its twin died, the one made by the restart (waiting for it). */
    private Object live() {
        Object target = current;
        if (((TwinProxy) target).cpy2jRemote().space().peer().closedWith() != null) {
            awaitRestart.run();
            target = current;
        }
        return target;
    }

    @Override
    public String toString() {
        return "recreatable " + current;
    }
}
