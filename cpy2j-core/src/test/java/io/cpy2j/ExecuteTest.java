package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.function.TwinRunnable;
import io.cpy2j.support.TwinExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code execute} and twin functions return exactly what the same code returns locally. */
class ExecuteTest {

    @RegisterExtension
    static final TwinExtension TWIN = new TwinExtension("exec25");
    static TwinMaster twin;

    @BeforeAll
    static void twin() {
        twin = TWIN.master();
    }


    @Test
    void methodReferencesWithPositionalArgumentsReturnTheLocalResult() {
        assertThat(twin.execute(Functions::sumRange, 10_000_000L)).isEqualTo(Functions.sumRange(10_000_000L));
        assertThat(twin.execute(Functions::concat, "a", 7, List.of("x", "y")))
                .isEqualTo(Functions.concat("a", 7, List.of("x", "y")));
    }

    @Test
    void overloadedMethodsCalledInTheTwinReturnTheLocalResult() {
        assertThat(twin.execute((Integer a, Integer b) -> Functions.add(a, b), 2, 3)).isEqualTo(5);
        assertThat(twin.execute((Double a, Double b) -> Functions.add(a, b), 2.0, 3.0)).isEqualTo(5.5);
        assertThat(twin.execute((String a, String b) -> Functions.add(a, b), "p", "q")).isEqualTo("p+q");
    }

    @Test
    void suppliersRunnablesAndCapturingLambdasRunInTheTwin() {
        String suffix = "!";
        assertThat(twin.execute(() -> Twins.currentTwinId() + suffix)).isEqualTo("exec25!");
        twin.execute((TwinRunnable<RuntimeException>) () -> System.setProperty("cpy2j.ran", "yes"));
        assertThat(twin.execute(Functions::property, "cpy2j.ran")).isEqualTo("yes");
        assertThat(System.getProperty("cpy2j.ran")).isNull();
        assertThat(twin.execute((String s) -> s.toUpperCase(), "abc")).isEqualTo("ABC");
    }

    @Test
    void twinFunctionsArePlainJavaFunctionsThatRunInTheTwin() {
        Function<Long, Long> sum = Twins.function("exec25", Functions::sumRange);
        BiFunction<String, String, String> where = Twins.biFunction("exec25", (a, b) -> a + Twins.currentTwinId() + b);
        Supplier<Long> pid = Twins.supplier("exec25", Functions::pid);
        assertThat(sum.apply(100L)).isEqualTo(4950L);
        assertThat(where.apply("<", ">")).isEqualTo("<exec25>");
        assertThat(pid.get()).isEqualTo(twin.pid().getAsLong());
    }

    @Test
    void aTwinFunctionCalledInsideItsOwnTwinRunsDirectly() {
        String[] threads = twin.execute(() -> {
            Supplier<String> inner = Twins.supplier("exec25", () -> Thread.currentThread().getName());
            return new String[] {inner.get(), Thread.currentThread().getName()};
        });
        // a relayed call would run on another thread (through the master and back)
        assertThat(threads[0]).isEqualTo(threads[1]);
    }

    @Test
    void aTwinCanRunAFunctionInTheMaster() {
        long masterPid = twin.execute(() -> Twins.supplier(Twins.MASTER_ID, Functions::pid).get());
        assertThat(masterPid).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void eightThreadsTimesAThousandCallsEachGetTheirOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                tasks.add(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 1000; i++) {
                        int a = thread * 1_000_000 + i;
                        if (twin.execute((Integer x, Integer y) -> Functions.add(x, y), a, i) != a + i) {
                            wrong++;
                        }
                    }
                    return wrong;
                });
            }
            for (Future<Integer> result : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
                assertThat(result.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void callsRunConcurrentlyInTheTwin() throws Exception {
        // Two calls that each wait for the other can only finish if the twin runs them at the same time.
        twin.execute(() -> System.setProperty("cpy2j.latch", "0"));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> meet = () -> twin.execute(ExecuteTest::meetInTwin);
            List<Future<Boolean>> both = pool.invokeAll(List.of(meet, meet), 1, TimeUnit.MINUTES);
            assertThat(both.get(0).get()).isTrue();
            assertThat(both.get(1).get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    static final java.util.concurrent.CountDownLatch MEETING = new java.util.concurrent.CountDownLatch(2);

    static boolean meetInTwin() throws InterruptedException {
        MEETING.countDown();
        return MEETING.await(20, TimeUnit.SECONDS);
    }
}
