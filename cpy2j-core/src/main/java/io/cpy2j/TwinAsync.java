package io.cpy2j;

import io.cpy2j.function.TwinFunction;
import io.cpy2j.internal.object.Peer;
import java.util.concurrent.CompletableFuture;

/**
 * An asynchronous view of a proxy: {@code Twins.async(sc).call(s -> s.megaloop(10, 10))} runs the
 * function in the runtime that holds the native object, with that object, and returns at once.
 */
public final class TwinAsync<T> {

    private final T target;
    private final Peer peer;

    TwinAsync(T target, Peer peer) {
        this.target = target;
        this.peer = peer;
    }

    /** Calls {@code method} on the native object; the future completes with its result or exception. */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> call(TwinFunction<? super T, R, ?> method) {
        return (CompletableFuture<R>) peer.submit(method, target);
    }
}
