package io.cpy2j.internal.master;

import io.cpy2j.TwinEvent;
import io.cpy2j.TwinListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers a twin's life events to its listeners, in order, on one thread of its own that exists only
 * while there are events to deliver: never on a thread that reads the channel or waits for a call,
 * so a slow or failing listener cannot hold up the twin.
 */
final class TwinEvents {

    private static final Logger log = LoggerFactory.getLogger(TwinEvents.class);

    private final List<TwinListener> listeners = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor thread;

    TwinEvents(String twinId, List<TwinListener> initial) {
        listeners.addAll(initial);
        thread = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread events = new Thread(task, "cpy2j-" + twinId + "-events");
            events.setDaemon(true);
            return events;
        });
    }

    void add(TwinListener listener) {
        listeners.add(listener);
    }

    void remove(TwinListener listener) {
        listeners.remove(listener);
    }

    void publish(TwinEvent event) {
        if (!listeners.isEmpty()) {
            thread.execute(() -> deliver(event));
        }
    }

    private void deliver(TwinEvent event) {
        for (TwinListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException | Error e) {
                log.warn("a TwinListener failed on {} of twin '{}'; the twin is not affected", event.getClass()
                        .getSimpleName(), event.twinId(), e);
            }
        }
    }
}
