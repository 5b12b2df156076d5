package io.cpy2j.internal.object;

import io.cpy2j.LocalMethod;
import java.lang.ref.Reference;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;

/**
 * The handler behind one proxy: which connection, which remote id. It holds no reference to its
 * proxy, so the proxy can be collected and its {@link java.lang.ref.Cleaner} action can use this.
 */
public final class RemoteObject implements InvocationHandler {

    private static final Object[] NO_ARGS = new Object[0];

    private final ObjectSpace space;
    private final long id;
    private final TypeDescriptor type;
    /** How many times this reference arrived; returned on release. Guarded by the space. */
    int received;

    RemoteObject(ObjectSpace space, long id, TypeDescriptor type) {
        this.space = space;
        this.id = id;
        this.type = type;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == TwinProxy.class) {
            return this;
        }
        if (method.isDefault() && method.isAnnotationPresent(LocalMethod.class)) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        try {
            return space.invoke(this, method, args == null ? NO_ARGS : args);
        } finally {
            Reference.reachabilityFence(proxy); // its release must not overtake this call
        }
    }

    public ObjectSpace space() {
        return space;
    }

    public long id() {
        return id;
    }

    public TypeDescriptor type() {
        return type;
    }

    @Override
    public String toString() {
        return type.simpleName() + "#" + id + "@" + space.remoteId();
    }
}
