package io.cpy2j.boot.autoconfigure.metrics;

import io.cpy2j.TwinCall;
import io.cpy2j.TwinCallObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;

/**
 * Counts the bytes each call moves, per twin: counters {@code cpy2j.twin.bytes.sent} and
 * {@code cpy2j.twin.bytes.received} (tag {@code twin}), for calls this master makes and callbacks it serves.
 */
public final class ByteCounter implements TwinCallObserver {

    private final MeterRegistry registry;

    public ByteCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Scope outgoing(TwinCall call, Map<String, String> headers) {
        return count(call.remoteId());
    }

    @Override
    public Scope serving(TwinCall call, Map<String, String> headers) {
        return count(call.remoteId());
    }

    private Scope count(String twinId) {
        return (error, sent, received) -> {
            Counter.builder("cpy2j.twin.bytes.sent").tag("twin", twinId).baseUnit("bytes")
                    .description("bytes sent to the twin").register(registry).increment(sent);
            Counter.builder("cpy2j.twin.bytes.received").tag("twin", twinId).baseUnit("bytes")
                    .description("bytes received from the twin").register(registry).increment(received);
        };
    }
}
