package io.cpy2j;

import io.cpy2j.function.TwinRunnable;
import io.cpy2j.internal.call.Endpoint;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Initializers that run in every twin when it starts, before it serves calls: the Java form of
 * cpy2py's TwinGroupState (logging set-up, system properties, caches every twin needs).
 */
final class TwinGroup {

    private static final List<TwinRunnable<?>> INITIALIZERS = new CopyOnWriteArrayList<>();

    private TwinGroup() {
    }

    static void add(TwinRunnable<?> initializer, Iterable<TwinMaster> running) {
        INITIALIZERS.add(initializer);
        for (TwinMaster master : running) {
            master.endpoint().execute(initializer);
        }
    }

    static void initialize(Endpoint twin, String twinId) {
        for (TwinRunnable<?> initializer : INITIALIZERS) {
            try {
                twin.execute(initializer);
            } catch (Exception e) {
                throw new TwinStartupException("a group initializer failed in twin '" + twinId + "': " + e, e);
            }
        }
    }

    static void remove(TwinRunnable<?> initializer) {
        INITIALIZERS.remove(initializer);
    }

    static void clear() {
        INITIALIZERS.clear();
    }
}
