package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.objects.Listener;
import io.cpy2j.fixtures.objects.SuperComputer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A message that never leaves must not pin the objects it would have carried (issue 7). Each call below
 * exports a fresh object while writing argument 1 (or the result) and then fails before anything is
 * sent, because the next value cannot be sent or the frame would be over the limit. Afterwards both
 * sides must hold exactly what they held before. The twin runs on the master's own JDK: this is about
 * the codec and the object table, not about bridging versions.
 */
class UnsentMessagesPinNothingTest {

    static final int FRAME_LIMIT = 64 * 1024;
    static final int CALLS = 1000;
    static TwinMaster twin;

    @BeforeAll
    static void start() {
        twin = TwinMaster.builder("unsent").maxFrameSize(FRAME_LIMIT).build().start();
    }

    @AfterAll
    static void close() {
        twin.close();
    }

    /** A master-side object that crosses by reference because it is exported. */
    static final class Probe implements Listener {
        @Override
        public void onEvent(String event) {
        }
    }

    @Test
    void callsIntoTheTwinThatFailBeforeSendingLeaveBothSidesAtTheirBaseline() {
        int exported = twin.objectCounts().exported();
        int inTwin = twin.liveObjectsInTwin();
        for (int i = 0; i < CALLS; i++) {
            Listener probe = Twins.export(new Probe(), Listener.class);
            Object second = unsendable(i);
            if (i % 3 == 0) {
                CompletableFuture<Integer> future = twin.submit((Listener l, Object o) -> 0, probe, second);
                assertThat(future).failsWithin(Duration.ofSeconds(10))
                        .withThrowableOfType(Exception.class).havingCause().isInstanceOf(TwinSerializationException.class);
            } else {
                assertThatThrownBy(() -> twin.execute((Listener l, Object o) -> 0, probe, second))
                        .isInstanceOf(TwinSerializationException.class);
            }
        }
        assertThat(twin.objectCounts().exported()).isEqualTo(exported);
        assertThat(twin.liveObjectsInTwin()).isEqualTo(inTwin);
    }

    @Test
    void callbacksFromTheTwinThatFailBeforeSendingLeaveTheTwinAtItsBaseline() throws Exception {
        int baseline = twin.liveObjectsInTwin();
        for (int i = 0; i < CALLS; i++) {
            SuperComputer made = twin.create(SuperComputer.class, i);
            int kind = i;
            assertThatThrownBy(() -> twin.execute(UnsentMessagesPinNothingTest::callBackWith, made, kind))
                    .isInstanceOf(TwinSerializationException.class);
        }
        // The proxies made here are unreachable now: once they are released, nothing may hold the objects.
        assertThat(ObjectLifetimeTest.awaitValue(twin::liveObjectsInTwin, baseline)).isEqualTo(baseline);
    }

    @Test
    void resultsTheTwinCannotSendLeaveTheTwinAtItsBaseline() throws Exception {
        int baseline = twin.liveObjectsInTwin();
        for (int i = 0; i < CALLS; i++) {
            SuperComputer made = twin.create(SuperComputer.class, i);
            int kind = i;
            assertThatThrownBy(() -> twin.execute(UnsentMessagesPinNothingTest::withUnsendable, made, kind))
                    .isInstanceOf(TwinSerializationException.class);
        }
        assertThat(ObjectLifetimeTest.awaitValue(twin::liveObjectsInTwin, baseline)).isEqualTo(baseline);
    }

    @Test
    void resultsTheMasterCannotSendLeaveTheMasterAtItsBaseline() {
        int baseline = twin.objectCounts().exported();
        for (int i = 0; i < CALLS; i++) {
            int kind = i;
            assertThatThrownBy(() -> twin.execute(UnsentMessagesPinNothingTest::askMasterFor, kind))
                    .isInstanceOf(TwinSerializationException.class);
        }
        assertThat(twin.objectCounts().exported()).isEqualTo(baseline);
    }

    /** Runs in the twin: hands its native object to the master next to something that cannot follow it. */
    static int callBackWith(SuperComputer own, int kind) {
        return Twins.biFunction(Twins.MASTER_ID, (Object a, Object b) -> 0).apply(own, unsendable(kind));
    }

    /** Runs in the twin: a result holding its native object and something that cannot follow it. */
    static List<Object> withUnsendable(SuperComputer own, int kind) {
        return List.of(own, unsendable(kind));
    }

    /** Runs in the twin: asks the master for a result holding an exported object and something unsendable. */
    static Object askMasterFor(int kind) {
        return Twins.supplier(Twins.MASTER_ID, () -> List.of(Twins.export(new Probe(), Listener.class),
                unsendable(kind))).get();
    }

    /** Alternately a value that can never be sent and one too large for a frame. */
    static Object unsendable(int kind) {
        return kind % 2 == 0 ? new Thread() : new byte[FRAME_LIMIT];
    }
}
