package io.cpy2j.internal.object;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

/** What the object model needs from the connection it lives on. */
public interface Peer {

    String remoteId();

    /** Calls {@code method} on the peer's native object {@code id}. */
    Object invoke(long id, Method method, Object[] args);

    /** Runs {@code function} with {@code args} in the peer without waiting for it. */
    CompletableFuture<Object> submit(Object function, Object... args);

    /** Tells the peer that this side dropped its proxies: {@code counts[i]} receipts of {@code ids[i]}. */
    void release(long[] ids, long[] counts);

    /** {@code null} while open, else why the connection closed. */
    RuntimeException closedWith();
}
