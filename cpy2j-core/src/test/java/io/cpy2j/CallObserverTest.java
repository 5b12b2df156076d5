package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.RecordingObserver;
import io.cpy2j.fixtures.objects.Bouncer;
import io.cpy2j.fixtures.objects.Node;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Call observers on both sides, and headers that travel with a call into the twin and on with every
 * callback and nested call made while it is served.
 */
class CallObserverTest {

    static final RecordingObserver MASTER = new RecordingObserver("t-1");
    static TwinMaster twin;

    @BeforeAll
    static void start() {
        Twins.addInitializer(RecordingObserver::installInTwin);
        twin = TwinMaster.builder("observed").callObserver(MASTER).mdcHeaders("trace").build().start();
        Twins.clearInitializers();
    }

    @AfterAll
    static void close() {
        twin.close();
    }

    @BeforeEach
    void forget() {
        twin.execute(RecordingObserver::twinLines);
        MASTER.lines.clear();
    }

    @Test
    void aHeaderTravelsMasterToTwinToCallbackToNestedCallThreeLevelsDeep() {
        Node node = twin.create(Node.class);
        forget();
        Bouncer bouncer = Twins.export((Bouncer) (n, depth) -> depth == 0 ? 1 : 1 + n.bounce(selfBouncer(), depth - 1),
                Bouncer.class);
        assertThat(node.bounce(bouncer, 3)).isEqualTo(4);
        List<String> twinSide = twin.execute(RecordingObserver::twinLines);
        // The master: its call out, the twin's callback in, the nested call out, the second callback in.
        assertThat(MASTER.lines).filteredOn(l -> !l.startsWith("end") && !l.contains("twinLines")).containsExactly(
                "out METHOD Node.bounce trace=t-1",
                "in CALLBACK Bouncer.back trace=t-1",
                "out CALLBACK Node.bounce trace=t-1",
                "in CALLBACK Bouncer.back trace=t-1");
        assertThat(twinSide).filteredOn(l -> !l.startsWith("end") && !l.contains("twinLines")).containsExactly(
                "in METHOD Node.bounce trace=t-1",
                "out CALLBACK Bouncer.back trace=t-1",
                "in CALLBACK Node.bounce trace=t-1",
                "out CALLBACK Bouncer.back trace=t-1");
        assertThat(MASTER.lines).filteredOn(l -> l.startsWith("end")).allMatch(l -> l.contains("ok sent>0 received>0"));
    }

    private static Bouncer selfBouncer() {
        return Twins.export((Bouncer) (n, depth) -> depth == 0 ? 1 : 1 + n.bounce(selfBouncer(), depth - 1),
                Bouncer.class);
    }

    @Test
    void theTwinPutsTheChosenHeadersInItsMdcWhileItServes() {
        String inTwin = twin.execute(() -> MDC.get("trace"));
        assertThat(inTwin).isEqualTo("t-1");
        assertThat((String) twin.execute(() -> MDC.get("trace"))).isEqualTo("t-1");
        assertThat(MDC.get("trace")).as("the master's own MDC is untouched").isNull();
    }

    @Test
    void kindsOutcomesAndAsyncAreObserved() throws Exception {
        twin.create(Node.class);
        assertThatThrownBy(() -> twin.execute(() -> {
            throw new IllegalStateException("observed failure");
        })).isInstanceOf(IllegalStateException.class);
        twin.submit(() -> 1).get(10, TimeUnit.SECONDS);
        assertThat(MASTER.lines).contains("out CREATE Node.<init> trace=t-1", "end out error sent>0 received>0");
        assertThat(MASTER.lines).anyMatch(l -> l.startsWith("out EXECUTE CallObserverTest.lambda$") && l.contains(" async"));
        List<String> twinSide = twin.execute(RecordingObserver::twinLines);
        assertThat(twinSide).contains("in CREATE Node.<init> trace=t-1", "end in error sent>0 received>0");
    }

    /** For an owner that goes away while the twin stays: its observer sees nothing more, restarts included. */
    @Test
    void aRemovedObserverSeesNoMoreCallsNowOrAfterARestart() {
        RecordingObserver leaving = new RecordingObserver("t-2");
        try (TwinMaster shared = TwinMaster.builder("observed-shared").callObserver(leaving).build().start()) {
            shared.execute(() -> 1);
            assertThat(leaving.lines).isNotEmpty();

            shared.removeCallObserver(leaving);
            leaving.lines.clear();
            shared.execute(() -> 2);
            shared.stop();
            shared.start();
            shared.execute(() -> 3);
            assertThat(leaving.lines).isEmpty();
        }
    }

    @Test
    void aFailingObserverDoesNotBreakCalls() {
        TwinCallObserver broken = new TwinCallObserver() {
            @Override
            public Scope outgoing(TwinCall call, java.util.Map<String, String> headers) {
                throw new IllegalStateException("observer bug");
            }
        };
        twin.addCallObserver(broken);
        try {
            Integer three = twin.execute(() -> 3);
            assertThat(three).isEqualTo(3);
        } finally {
            twin.removeCallObserver(broken);
        }
    }
}
