package io.cpy2j;

import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.object.Recreatable;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A master's recreatable objects ({@link TwinMaster#createRecreatable}): made again in every new twin
 * process. Weakly held, so those nobody holds any more are dropped rather than made again.
 */
final class Recreatables {

    private final List<WeakReference<Recreatable<Endpoint>>> handles = new CopyOnWriteArrayList<>();

    void add(Recreatable<Endpoint> handle) {
        handles.add(new WeakReference<>(handle));
    }

    /** Stops making again the object behind {@code proxy}. */
    void forget(Object proxy) {
        handles.removeIf(ref -> {
            Recreatable<Endpoint> handle = ref.get();
            return handle == null || handle.proxy() == proxy;
        });
    }

    void recreateAll(Endpoint endpoint) {
        handles.removeIf(ref -> ref.get() == null);
        for (WeakReference<Recreatable<Endpoint>> ref : handles) {
            Recreatable<Endpoint> handle = ref.get();
            if (handle != null) {
                handle.recreate(endpoint);
            }
        }
    }
}
