package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.support.Signals;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code stop()} returns within the shutdown timeout plus a second whatever the twin does, and every
 * caller still waiting is released with {@link TwinTerminatedException}.
 */
class StopBoundTest {

    static final Duration SHUTDOWN = Duration.ofSeconds(2);
    static final long BOUND_MILLIS = SHUTDOWN.toMillis() + 1000;

    @Test
    void stopReturnsInTimeWhenTheTwinIsFrozenAndACallerIsBlockedWritingIntoItsFullPipe() throws Exception {
        try (TwinMaster twin = start("frozen")) {
            Signals.stop(twin.pid().getAsLong());
            // 4 MiB cannot fit in the pipe: the caller blocks in the write, holding the writer's lock.
            CompletableFuture<Integer> blocked = CompletableFuture.supplyAsync(
                    () -> twin.execute(bytes -> bytes.length, new byte[4 << 20]), task -> newThread(task));
            Thread.sleep(300);
            assertThat(blocked).isNotDone();
            assertStopsInTime(twin);
            assertReleased(blocked);
        }
    }

    @Test
    void stopReturnsInTimeWhenACallSpinsIgnoringInterrupts() throws Exception {
        try (TwinMaster twin = start("spinning")) {
            CompletableFuture<Object> spinning = twin.submit(() -> {
                while (true) {
                    Thread.onSpinWait();
                }
            });
            Thread.sleep(200);
            assertStopsInTime(twin);
            assertReleased(spinning);
        }
    }

    @Test
    void stopReturnsInTimeWhileTheTwinFloodsItsOutput() throws Exception {
        try (TwinMaster twin = start("flooding")) {
            CompletableFuture<Object> flooding = twin.submit(() -> {
                while (true) {
                    System.err.println("flood ".repeat(100));
                }
            });
            Thread.sleep(300);
            assertThat(add(twin, 1, 1)).isEqualTo(2); // calls still flow meanwhile
            assertStopsInTime(twin);
            assertReleased(flooding);
        }
    }

    @Test
    void stopReturnsInTimeWhenTheTwinIsFrozenAndIdle() throws Exception {
        try (TwinMaster twin = start("frozen-idle")) {
            long pid = twin.pid().getAsLong();
            Signals.stop(pid);
            assertStopsInTime(twin);
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    private static TwinMaster start(String id) {
        return TwinMaster.builder(id).shutdownTimeout(SHUTDOWN).build().start();
    }

    private static void assertStopsInTime(TwinMaster twin) {
        long started = System.nanoTime();
        twin.stop();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(tookMillis).as("stop() took %d ms", tookMillis).isLessThan(BOUND_MILLIS);
        assertThat(twin.state()).isEqualTo(TwinState.STOPPED);
    }

    private static void assertReleased(CompletableFuture<?> call) {
        assertThat(call).failsWithin(Duration.ofSeconds(2))
                .withThrowableThat().havingCause().isInstanceOf(TwinTerminatedException.class);
    }

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "blocked-writer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static int add(TwinMaster twin, int a, int b) {
        Integer sum = twin.execute(Functions::add, a, b);
        return sum;
    }
}
