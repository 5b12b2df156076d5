package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinEvent;
import io.cpy2j.TwinListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes a twin's life events ({@link TwinEvent.Started}, {@link TwinEvent.Terminated},
 * {@link TwinEvent.Restarted}, {@link TwinEvent.Stopped} and the rest) as Spring application events, so
 * {@code @EventListener void on(TwinEvent.Terminated event)} receives them. The core's events are
 * published as they are, as payload events: one type for both worlds.
 */
final class TwinEventPublisher implements TwinListener {

    /** Set before any twin starts; cleared when the context releases its twins. */
    private volatile ApplicationEventPublisher publisher;
    private final Map<String, CountDownLatch> stops = new ConcurrentHashMap<>();

    void open(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Events of a twin shared with another context, or one stopping late, no longer reach this context. */
    void close() {
        this.publisher = null;
    }

    @Override
    public void onEvent(TwinEvent event) {
        ApplicationEventPublisher current = publisher;
        if (current != null) {
            current.publishEvent(event);
        }
        CountDownLatch stop = event instanceof TwinEvent.Stopped ? stops.get(event.twinId()) : null;
        if (stop != null) {
            stop.countDown();
        }
    }

    /**
     * A latch that opens when twin {@code twinId}'s next Stopped event has been published: the core
     * delivers events on a thread of its own, so the context waits for it before removing this listener.
     */
    CountDownLatch expectStopped(String twinId) {
        return stops.computeIfAbsent(twinId, id -> new CountDownLatch(1));
    }

    void forget(String twinId) {
        stops.remove(twinId);
    }
}
