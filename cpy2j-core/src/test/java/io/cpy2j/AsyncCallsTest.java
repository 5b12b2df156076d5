package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.fixtures.Throwers;
import io.cpy2j.fixtures.objects.Listener;
import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.support.TwinExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many calls in flight from one thread: futures complete with results, exceptions, or the twin's death. */
class AsyncCallsTest {

    @RegisterExtension
    static final TwinExtension TWIN = new TwinExtension("jdk25");
    static TwinMaster jdk25;

    @BeforeAll
    static void twin() {
        jdk25 = TWIN.master();
    }


    @Test
    void tenThousandCallsSubmittedFromOneThreadEachCompleteWithTheirOwnResult() throws Exception {
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            futures.add(jdk25.submit(Functions::add, i, 1).thenApply(x -> (int) x));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get()).isEqualTo(i + 1);
        }
        assertThat(jdk25.callsInFlight()).isZero();
    }

    @Test
    void aSubmittedFunctionRunsInTheTwin() throws Exception {
        assertThat(jdk25.submit(Functions::pid).get(30, TimeUnit.SECONDS)).isEqualTo(jdk25.pid().getAsLong());
        assertThat(jdk25.submit(Functions::sumRange, 100L).get(30, TimeUnit.SECONDS)).isEqualTo(4950L);
    }

    @Test
    void anExceptionCompletesTheFutureExceptionallyWithItsOwnType() {
        CompletableFuture<String> failed = jdk25.submit(Throwers::checked, "/nope");
        assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isExactlyInstanceOf(IOException.class).hasMessage("cannot read /nope");
    }

    @Test
    void anAsyncViewOfAProxyCallsTheNativeObject() throws Exception {
        SuperComputer sc = Twins.create(SuperComputer.class, 3);
        sc.setName("async");
        CompletableFuture<String> name = Twins.async(sc).call(SuperComputer::getName);
        CompletableFuture<Long> loop = Twins.async(sc).call(s -> s.megaloop(10, 10));
        assertThat(name.get(30, TimeUnit.SECONDS)).isEqualTo("async");
        assertThat(loop.get(30, TimeUnit.SECONDS)).isEqualTo(new SuperComputer(0).megaloop(10, 10));
    }

    @Test
    void anAsyncCallMayCallBackIntoTheMaster() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        Listener listener = Twins.export(events::add, Listener.class);
        SuperComputer sc = Twins.create(SuperComputer.class, 4);
        assertThat(Twins.async(sc).call(s -> s.notify(listener, 2)).get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(events).containsExactly("jdk25:0", "jdk25:1");
    }

    @Test
    void syncAndAsyncCallsMixOnOneConnection() throws Exception {
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(jdk25.submit(Functions::sumRange, (long) i));
            assertThat(jdk25.execute(Functions::sumRange, (long) i)).isEqualTo(Functions.sumRange(i));
        }
        for (int i = 0; i < futures.size(); i++) {
            assertThat(futures.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(Functions.sumRange(i));
        }
    }

    @Test
    void aTwinThatDiesFailsOutstandingFutures() throws Exception {
        try (TwinMaster doomed = TwinMaster.builder("doomed").build().start()) {
            CompletableFuture<Object> pending = doomed.submit(() -> {
                Thread.sleep(60_000);
                return null;
            });
            Thread.sleep(200);
            ProcessHandle.of(doomed.pid().getAsLong()).orElseThrow().destroyForcibly();
            assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TwinTerminatedException.class).hasMessageContaining("doomed");
            assertThatThrownBy(() -> pending.join()).isInstanceOf(CompletionException.class);
        }
    }
}
