package io.cpy2j.chaos;

import io.cpy2j.TwinMaster;
import io.cpy2j.Twins;
import io.cpy2j.fixtures.objects.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One trial's calls into a twin that is about to be killed, of four kinds: blocking calls on threads of
 * their own, asynchronous calls, and blocking calls whose twin side is inside a callback into the master,
 * which either calls the twin again (a nested call) or is busy in master code. Each records when and how
 * it was released.
 */
final class InFlightCalls {

    enum Kind { BLOCKING, ASYNC, CALLBACK_NESTED, CALLBACK_BUSY }

    /** How one call ended: its kind, the {@link System#nanoTime()} it was released at, and what it threw. */
    record Release(Kind kind, long atNanos, Throwable error) {
    }

    private final TwinMaster twin;
    private final List<CompletableFuture<Release>> releases = new ArrayList<>();
    private final AtomicInteger callbacksEntered = new AtomicInteger();
    private int expectedInFlight;
    private int callbackCallers;

    InFlightCalls(TwinMaster twin) {
        this.twin = twin;
    }

    /** Starts {@code count} calls, the kinds in turn; blocking ones on {@code threads}. */
    InFlightCalls start(int count, ExecutorService threads) {
        for (int i = 0; i < count; i++) {
            Kind kind = Kind.values()[i % Kind.values().length];
            releases.add(kind == Kind.ASYNC ? async() : CompletableFuture.supplyAsync(() -> blocking(kind), threads));
            // a nested callback is two requests of the master's in flight: the call and the one made in its callback
            expectedInFlight += kind == Kind.CALLBACK_NESTED ? 2 : 1;
            callbackCallers += kind == Kind.CALLBACK_NESTED || kind == Kind.CALLBACK_BUSY ? 1 : 0;
        }
        return this;
    }

    /** Waits until every call is in flight and every callback caller is inside a callback. */
    void awaitAllInFlight(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!allInFlight() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (!allInFlight()) {
            throw new AssertionError("only " + twin.callsInFlight() + " of " + expectedInFlight
                    + " calls in flight and " + callbacksEntered + " of " + callbackCallers
                    + " callbacks entered after " + seconds + " s");
        }
    }

    private boolean allInFlight() {
        return twin.callsInFlight() >= expectedInFlight && callbacksEntered.get() >= callbackCallers;
    }

    /** Every call's release; a call not released within {@code seconds} is reported as hanging. */
    List<Release> awaitReleases(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Release> all = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            try {
                all.add(releases.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                throw new AssertionError("call " + i + " (" + Kind.values()[i % Kind.values().length]
                        + ") still hangs " + seconds + " s after the kill");
            } catch (ExecutionException e) {
                throw new AssertionError("call " + i + " could not be recorded", e.getCause());
            }
        }
        return all;
    }

    private CompletableFuture<Release> async() {
        return twin.submit(ChaosFunctions::sleepLong)
                .handle((result, error) -> new Release(Kind.ASYNC, System.nanoTime(), unwrap(error)));
    }

    private Release blocking(Kind kind) {
        try {
            Object result = kind == Kind.BLOCKING ? twin.execute(ChaosFunctions::sleepLong)
                    : twin.execute(ChaosFunctions::callBackForever, listener(kind));
            return new Release(kind, System.nanoTime(), new AssertionError("the call returned " + result));
        } catch (Throwable e) {
            return new Release(kind, System.nanoTime(), e);
        }
    }

    /** The master's side of a callback: calls the twin again, or stays a while in master code. */
    private Listener listener(Kind kind) {
        AtomicInteger calls = new AtomicInteger();
        return Twins.export((Listener) event -> {
            if (calls.getAndIncrement() == 0) {
                callbacksEntered.incrementAndGet();
            }
            if (kind == Kind.CALLBACK_NESTED) {
                twin.execute(ChaosFunctions::sleepLong);
            } else {
                pause(20);
            }
        }, Listener.class);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException || error instanceof ExecutionException ? error.getCause() : error;
    }
}
