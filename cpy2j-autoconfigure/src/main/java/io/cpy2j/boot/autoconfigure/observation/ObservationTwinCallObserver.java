package io.cpy2j.boot.autoconfigure.observation;

import io.cpy2j.TwinCall;
import io.cpy2j.TwinCallObserver;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.Map;

/**
 * Every call between runtimes as a Micrometer {@link Observation} named {@code cpy2j.call}: a timer
 * (tags twin, kind, class, method, outcome) and, with Micrometer Tracing, a span. A call this master
 * makes is a sender: the tracing handler writes the trace context into the call's headers, which travel
 * into the twin and on with every callback. A callback the twin makes into the master is a receiver:
 * its span continues the trace from those headers, so it is a child of the call it belongs to.
 */
public final class ObservationTwinCallObserver implements TwinCallObserver {

    /** The observation's name, and so the timer's: {@code /actuator/metrics/cpy2j.call}. */
    public static final String NAME = "cpy2j.call";

    private final ObservationRegistry registry;

    public ObservationTwinCallObserver(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Scope outgoing(TwinCall call, Map<String, String> headers) {
        if (call.kind() == TwinCall.Kind.RELEASE) {
            return Scope.NONE; // cpy2j's own housekeeping, sent in batches: not the application's calls
        }
        SenderContext<Map<String, String>> context = new SenderContext<>((carrier, key, value) -> carrier.put(key, value));
        context.setCarrier(headers);
        context.setRemoteServiceName(call.remoteId());
        return observe(Observation.createNotStarted(NAME, () -> context, registry), call, call.remoteId());
    }

    @Override
    public Scope serving(TwinCall call, Map<String, String> headers) {
        if (call.kind() == TwinCall.Kind.RELEASE) {
            return Scope.NONE;
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
        context.setCarrier(headers);
        context.setRemoteServiceName(call.remoteId());
        return observe(Observation.createNotStarted(NAME, () -> context, registry), call, call.remoteId());
    }

    private static Scope observe(Observation observation, TwinCall call, String twinId) {
        observation.lowCardinalityKeyValues(KeyValues.of("twin", twinId, "kind", call.kind().name().toLowerCase(),
                        "class", simpleName(call.targetClass()), "method", String.valueOf(call.method())))
                .contextualName(twinId + " " + simpleName(call.targetClass()) + "." + call.method())
                .start();
        // A synchronous call ends on the thread that made it: its scope makes nested work its children.
        Observation.Scope scope = call.async() ? null : observation.openScope();
        return (error, sent, received) -> {
            observation.lowCardinalityKeyValue("outcome", error == null ? "success" : "error");
            observation.highCardinalityKeyValue("bytes.sent", Long.toString(sent));
            observation.highCardinalityKeyValue("bytes.received", Long.toString(received));
            if (error != null) {
                observation.error(error);
            }
            if (scope != null) {
                scope.close();
            }
            observation.stop();
        };
    }

    private static String simpleName(String className) {
        return className == null ? "none" : className.substring(className.lastIndexOf('.') + 1);
    }
}
