package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.support.TestJdks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A twin that dies releases every caller with TwinTerminatedException; it can be started again. */
class TwinDeathTest {

    static TwinMaster twin;

    @BeforeAll
    static void build() {
        TestJdks.requireTwinJdk();
        twin = TwinMaster.builder("mortal").javaVersion(TestJdks.TWIN_VERSION).jvmArgs("-Xmx64m").build();
    }

    @BeforeEach
    void running() {
        twin.start(); // restarts the twin the previous test killed
    }

    @AfterAll
    static void close() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void sigkillDuringCallsReleasesEveryCallerWithTheExitStatus() throws Exception {
        long pid = twin.pid().getAsLong();
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> twin.execute(TwinDeathTest::sleepLong), callers));
        }
        callers.shutdown();
        awaitCallsInFlight(4);
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        for (CompletableFuture<Object> call : calls) {
            Throwable error = catchThrowable(() -> call.get(10, TimeUnit.SECONDS)).getCause();
            assertThat(error).isInstanceOf(TwinTerminatedException.class)
                    .hasMessageContaining("twin 'mortal' (pid " + pid + ") terminated with exit status 137")
                    .hasMessageContaining("SIGKILL");
            assertThat(((TwinTerminatedException) error).exitStatus()).hasValue(137);
        }
        assertThat(twin.state()).isEqualTo(TwinState.TERMINATED);
    }

    @Test
    void laterCallsFailAtOnceUntilTheTwinIsStartedAgain() {
        long first = twin.pid().getAsLong();
        ProcessHandle handle = ProcessHandle.of(first).orElseThrow();
        handle.destroyForcibly();
        handle.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        long started = System.nanoTime();
        assertThatThrownBy(() -> twin.execute(Functions::pid)).isInstanceOf(TwinTerminatedException.class)
                .hasMessageContaining("call start() to run it again");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        twin.start();
        assertThat(twin.execute(Functions::pid)).isNotEqualTo(first).isEqualTo(twin.pid().getAsLong());
    }

    @Test
    void systemExitInTheTwinIsReportedWithItsStatus() {
        assertThatThrownBy(() -> twin.execute(() -> System.exit(3)))
                .isInstanceOf(TwinTerminatedException.class)
                .hasMessageContaining("exit status 3");
    }

    @Test
    void runningOutOfMemoryEndsTheTwinAndSaysSo() {
        assertThatThrownBy(() -> twin.execute(() -> {
            List<long[]> hog = new ArrayList<>();
            while (true) {
                hog.add(new long[1_000_000]);
            }
        })).isInstanceOf(TwinTerminatedException.class)
                .hasMessageContaining("twin 'mortal'")
                .hasMessageContaining("OutOfMemoryError");
    }

    @Test
    void stopFailsLaterCallsWithAStoppedMessage() {
        twin.stop();
        assertThat(twin.state()).isEqualTo(TwinState.STOPPED);
        assertThat(twin.pid()).isEmpty();
        assertThatThrownBy(() -> twin.execute(Functions::pid)).isInstanceOf(TwinTerminatedException.class)
                .hasMessageContaining("twin 'mortal' was stopped");
    }

    static String sleepLong() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "never";
    }

    private static void awaitCallsInFlight(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (twin.callsInFlight() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(twin.callsInFlight()).isEqualTo(expected);
    }
}
