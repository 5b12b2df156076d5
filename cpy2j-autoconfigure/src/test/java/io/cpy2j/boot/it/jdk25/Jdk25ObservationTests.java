package io.cpy2j.boot.it.jdk25;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.health.TwinHealthIndicator;
import io.cpy2j.boot.it.RequiresJdk;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.observation.transport.SenderContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Every call into the twin is a {@code cpy2j.call} observation: a timer with the twin, kind, class,
 * method and outcome, and a span whose context crosses into the twin with the call, so the callback the
 * twin makes into the master is the call's child.
 */
@RequiresJdk(25)
@SpringBootTest(properties = {"cpy2j.twins.jdk25.java-version=25", "cpy2j.twins.jdk25.jvm-args=-Xmx128m"},
        classes = {Jdk25App.class, Jdk25ObservationTests.Tracing.class})
@DirtiesContext
class Jdk25ObservationTests {

    @Autowired
    RuntimeProbe probe;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestTracer tracer;

    @Autowired
    @Qualifier("jdk25")
    TwinMaster master;

    @Test
    void aCallIsTimedWithItsTwinKindClassMethodAndOutcome() {
        probe.javaVersion();
        assertThat(meters.find("cpy2j.call").tags("twin", "jdk25", "kind", "method", "class", "Jdk25Probe",
                "method", "javaVersion", "outcome", "success").timer()).isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
    }

    @Test
    void bytesAndTheTwinsHeapAreMeasured() {
        probe.report();
        assertThat(meters.get("cpy2j.twin.bytes.sent").tag("twin", "jdk25").counter().count()).isPositive();
        assertThat(meters.get("cpy2j.twin.bytes.received").tag("twin", "jdk25").counter().count()).isPositive();
        assertThat(meters.get("cpy2j.twin.heap.used").tag("twin", "jdk25").gauge().value()).isPositive();
        assertThat(new TwinHealthIndicator(master).health().getDetails()).containsKeys("heapUsed", "heapMax");
    }

    @Test
    void theCallbackTheTwinMakesIsAChildSpanOfTheCallThatCausedIt() {
        tracer.spans.clear();
        probe.report(); // the twin writes into the master's notebook while it serves this call
        TestTracer.Span call = tracer.spans.stream().filter(s -> !s.receiver() && s.name().endsWith("report"))
                .findFirst().orElseThrow();
        TestTracer.Span callback = tracer.spans.stream().filter(s -> s.receiver() && s.name().endsWith("write"))
                .findFirst().orElseThrow();
        assertThat(callback.parent()).as("the callback continues the call's trace").isEqualTo(call.id());
    }

    @Test
    void whileTheTwinServesACallItsMdcHoldsTheCallsTraceId() {
        tracer.spans.clear();
        String traceId = probe.mdc("traceId");
        TestTracer.Span call = tracer.spans.stream().filter(s -> !s.receiver() && s.name().endsWith("mdc"))
                .findFirst().orElseThrow();
        assertThat(traceId).as("the trace id of the call, read out of its traceparent")
                .isEqualTo(TestTracer.traceparent(call.id()).split("-")[1]);
    }

    @TestConfiguration
    static class Tracing {
        @Bean
        TestTracer testTracer() {
            return new TestTracer();
        }
    }

    /**
     * The smallest tracer that propagates: a sender span writes its id into the call's headers, a
     * receiver span takes its parent from them. Micrometer Tracing's propagating handlers do the same
     * with {@code traceparent} or {@code b3}.
     */
    static final class TestTracer implements ObservationHandler<Observation.Context> {

        record Span(String id, String parent, String name, boolean receiver) {
        }

        final List<Span> spans = new CopyOnWriteArrayList<>();
        private final AtomicInteger ids = new AtomicInteger();

        /** A W3C traceparent for a span: version, 32 hex digits of trace id, 16 of span id, flags. */
        static String traceparent(String spanId) {
            long number = Long.parseLong(spanId.substring("span-".length()));
            return String.format("00-%032x-%016x-01", number, number);
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof SenderContext<?> || context instanceof ReceiverContext<?>;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void onStart(Observation.Context context) {
            String id = "span-" + ids.incrementAndGet();
            if (context instanceof SenderContext<?> sender) {
                SenderContext<Object> typed = (SenderContext<Object>) sender;
                typed.getSetter().set(typed.getCarrier(), "test-trace", id);
                // as Micrometer Tracing's W3C propagation writes it: version, trace id, span id, flags
                typed.getSetter().set(typed.getCarrier(), "traceparent", traceparent(id));
                spans.add(new Span(id, null, context.getContextualName(), false));
            } else {
                ReceiverContext<Object> receiver = (ReceiverContext<Object>) context;
                String parent = receiver.getGetter().get(receiver.getCarrier(), "test-trace");
                spans.add(new Span(id, parent, context.getContextualName(), true));
            }
        }
    }
}
