package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.support.TwinExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Distributed reference counting: native objects live while a proxy lives, and no longer. */
class ObjectLifetimeTest {

    @RegisterExtension
    static final TwinExtension TWIN = new TwinExtension("jdk25");
    static TwinMaster jdk25;

    @BeforeAll
    static void twin() {
        jdk25 = TWIN.master();
    }


    @Test
    void aHundredThousandDroppedProxiesBringTheTwinBackToItsBaseline() throws Exception {
        int baseline = jdk25.liveObjectsInTwin();
        for (int batch = 0; batch < 100; batch++) {
            List<SuperComputer> made = jdk25.execute(ObjectLifetimeTest::thousandComputers);
            assertThat(made).hasSize(1000);
            assertThat(Twins.isProxy(made.get(999))).isTrue();
        }
        assertThat(awaitValue(jdk25::liveObjectsInTwin, baseline)).isEqualTo(baseline);
        assertThat(awaitValue(() -> jdk25.objectCounts().proxies(), 0)).isZero();
    }

    @Test
    void aNativeObjectStaysAliveWhileAProxyIsHeld() throws Exception {
        int baseline = jdk25.liveObjectsInTwin();
        SuperComputer kept = Twins.create(SuperComputer.class, 1);
        kept.setName("kept");
        // GC runs while the proxy is held: the count must settle at one above the baseline, not below
        assertThat(awaitValue(jdk25::liveObjectsInTwin, baseline + 1)).isEqualTo(baseline + 1);
        System.gc();
        Thread.sleep(200);
        assertThat(jdk25.liveObjectsInTwin()).isEqualTo(baseline + 1);
        assertThat(kept.getName()).isEqualTo("kept");
    }

    @Test
    void masterObjectsHeldByTheTwinAreCountedAndReleased() throws Exception {
        List<io.cpy2j.fixtures.objects.Score> scores =
                List.of(new io.cpy2j.fixtures.objects.Score(1), new io.cpy2j.fixtures.objects.Score(2));
        // while the twin holds its proxies, the master counts both objects as exported
        assertThat(jdk25.execute((List<io.cpy2j.fixtures.objects.Score> s) -> Twins.supplier(Twins.MASTER_ID,
                ObjectLifetimeTest::exportedToJdk25).get(), scores)).isEqualTo(2);
        assertThat(awaitValue(() -> {
            jdk25.execute(System::gc);
            return jdk25.objectCounts().exported();
        }, 0)).isZero();
    }

    static int exportedToJdk25() {
        return Twins.master("jdk25").objectCounts().exported();
    }

    static List<SuperComputer> thousandComputers() {
        List<SuperComputer> made = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            made.add(new SuperComputer(i));
        }
        return made;
    }

    /** Runs GC until {@code value} reaches {@code target}, for at most 30 s; returns the last value. */
    static int awaitValue(IntSupplier value, int target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int current = value.getAsInt();
        while (current != target && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
            current = value.getAsInt();
        }
        return current;
    }
}
