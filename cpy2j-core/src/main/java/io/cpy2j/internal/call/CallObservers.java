package io.cpy2j.internal.call;

import io.cpy2j.TwinCall;
import io.cpy2j.TwinCallObserver;
import io.cpy2j.TwinCallObserver.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observers of one endpoint's calls: those of this runtime (added with {@code Twins.addCallObserver})
 * and those of this connection. Without any, nothing is built: no call description, no header map.
 */
public final class CallObservers {

    private static final Logger log = LoggerFactory.getLogger(CallObservers.class);
    private static final List<TwinCallObserver> RUNTIME_WIDE = new CopyOnWriteArrayList<>();

    private final List<TwinCallObserver> own = new CopyOnWriteArrayList<>();

    /** Observes every connection of this runtime, those made later included. */
    public static void addRuntimeWide(TwinCallObserver observer) {
        RUNTIME_WIDE.add(observer);
    }

    public static void removeRuntimeWide(TwinCallObserver observer) {
        RUNTIME_WIDE.remove(observer);
    }

    public void add(TwinCallObserver observer) {
        own.add(observer);
    }

    public void remove(TwinCallObserver observer) {
        own.remove(observer);
    }

    boolean isEmpty() {
        return own.isEmpty() && RUNTIME_WIDE.isEmpty();
    }

    /** Starts observing an outgoing call; observers may add to {@code headers}. */
    Scope outgoing(Supplier<TwinCall> call, Map<String, String> headers) {
        return begin(call.get(), headers, true);
    }

    /** Starts observing a call served here; {@code headers} are read only. */
    Scope serving(TwinCall call, Map<String, String> headers) {
        return begin(call, headers, false);
    }

    private Scope begin(TwinCall call, Map<String, String> headers, boolean outgoing) {
        List<Scope> scopes = new ArrayList<>(2);
        for (List<TwinCallObserver> observers : List.of(RUNTIME_WIDE, own)) {
            for (TwinCallObserver observer : observers) {
                try {
                    Scope scope = outgoing ? observer.outgoing(call, headers) : observer.serving(call, headers);
                    if (scope != null && scope != Scope.NONE) {
                        scopes.add(scope);
                    }
                } catch (RuntimeException | Error e) {
                    log.warn("a TwinCallObserver failed on {}; the call goes on", call, e);
                }
            }
        }
        return scopes.isEmpty() ? Scope.NONE : (error, sent, received) -> end(scopes, error, sent, received);
    }

    private static void end(List<Scope> scopes, Throwable error, long sent, long received) {
        for (int i = scopes.size() - 1; i >= 0; i--) { // innermost first, as scopes nest
            try {
                scopes.get(i).ended(error, sent, received);
            } catch (RuntimeException | Error e) {
                log.warn("a TwinCallObserver failed ending a call; the call is not affected", e);
            }
        }
    }
}
