package io.cpy2j.boot.autoconfigure.metrics;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.TwinHeap;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Per twin (tag {@code twin}): gauges {@code cpy2j.twin.running}, {@code cpy2j.twin.calls.in.flight},
 * {@code cpy2j.twin.proxies} (live proxies here for objects in the twin) and {@code cpy2j.twin.exported}
 * (objects here the twin holds), and counters {@code cpy2j.twin.starts} and {@code cpy2j.twin.restarts}.
 * {@code cpy2j.twin.heap.used} is sampled in the twin at scrape time (at most a second's wait); the others
 * come from the master's status. Bytes sent and received per twin are counted by {@link ByteCounter}.
 */
public final class TwinMetrics implements MeterBinder {

    private final Map<String, TwinMaster> masters;

    public TwinMetrics(Map<String, TwinMaster> masters) {
        this.masters = masters;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        masters.forEach((id, master) -> bind(registry, Tags.of("twin", id), master));
    }

    private static void bind(MeterRegistry registry, Tags tags, TwinMaster master) {
        gauge(registry, tags, master, "cpy2j.twin.running", "1 while the twin runs, else 0", m -> m.isAlive() ? 1 : 0);
        gauge(registry, tags, master, "cpy2j.twin.calls.in.flight", "calls waiting for the twin", TwinMaster::callsInFlight);
        gauge(registry, tags, master, "cpy2j.twin.proxies", "live proxies here for objects in the twin",
                m -> m.status().proxies());
        gauge(registry, tags, master, "cpy2j.twin.exported", "objects here the twin holds references to",
                m -> m.status().exported());
        gauge(registry, tags, master, "cpy2j.twin.heap.used", "heap bytes used in the twin, sampled there",
                m -> TwinHeap.sample(m).map(heap -> (double) heap.used()).orElse(Double.NaN));
        FunctionCounter.builder("cpy2j.twin.starts", master, TwinMaster::starts).tags(tags)
                .description("times the twin was started, restarts included").register(registry);
        FunctionCounter.builder("cpy2j.twin.restarts", master, TwinMaster::restarts).tags(tags)
                .description("times the twin was restarted after dying").register(registry);
    }

    private static void gauge(MeterRegistry registry, Tags tags, TwinMaster master, String name, String description,
                              ToDoubleFunction<TwinMaster> value) {
        Gauge.builder(name, master, value).tags(tags).description(description).strongReference(true).register(registry);
    }
}
