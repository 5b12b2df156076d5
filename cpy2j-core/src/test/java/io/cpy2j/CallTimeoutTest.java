package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cpy2j.function.TwinFunction;
import io.cpy2j.support.Signals;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A call that exceeds the twin's call timeout fails with {@link TwinTimeoutException}; the twin goes on. */
class CallTimeoutTest {

    static TwinMaster twin;

    @BeforeAll
    static void start() {
        twin = TwinMaster.builder("timeouts").callTimeout(Duration.ofMillis(500)).build().start();
    }

    @AfterAll
    static void close() {
        twin.close();
    }

    @Test
    void aSlowCallFailsWithATimeoutNamingTwinCallAndTime() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> twin.execute(() -> {
            Thread.sleep(5_000);
            return "late";
        }))
                .isInstanceOf(TwinTimeoutException.class)
                .hasMessageContaining("twin 'timeouts'")
                .hasMessageContaining("execute")
                .hasMessageContaining("PT0.5S")
                .satisfies(e -> assertThat(((TwinTimeoutException) e).timeout()).isEqualTo(Duration.ofMillis(500)));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(4_000);
    }

    @Test
    void theConnectionStaysUpAndALateReplyIsDropped() throws Exception {
        assertThatThrownBy(() -> twin.execute(() -> {
            Thread.sleep(800);
            return "late";
        })).isInstanceOf(TwinTimeoutException.class);
        Thread.sleep(600); // the late reply arrives now and must be dropped, not given to the next call
        String next = twin.execute(() -> "next");
        assertThat(next).isEqualTo("next");
        assertThat(twin.callsInFlight()).isZero();
    }

    @Test
    void fastCallsWithATimeoutReturnTheirResults() {
        for (int i = 0; i < 200; i++) {
            int n = i;
            Integer doubled = twin.execute(() -> n * 2);
            assertThat(doubled).isEqualTo(2 * i);
        }
    }

    @Test
    void aSubmittedCallTimesOutInItsFuture() {
        CompletableFuture<String> late = twin.submit(() -> {
            Thread.sleep(5_000);
            return "late";
        });
        assertThatThrownBy(() -> late.get(3, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TwinTimeoutException.class);
    }

    @Test
    void aCallTooLargeForThePipeOfAFrozenTwinTimesOutAndTheTwinIsKilled() throws Exception {
        try (TwinMaster frozen = TwinMaster.builder("frozen-writes").callTimeout(Duration.ofMillis(500))
                .shutdownTimeout(Duration.ofSeconds(1)).build().start()) {
            long pid = frozen.pid().getAsLong();
            Signals.stop(pid);
            // 1 MiB cannot fit in the pipe: the write blocks, and only ending the twin can release it.
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> frozen.execute(
                    (TwinFunction<byte[], Integer, RuntimeException>) b -> b.length, new byte[1 << 20]))
                    .isInstanceOf(TwinTimeoutException.class));
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(5, TimeUnit.SECONDS).join());
            assertThat(frozen.status().lastFailure().message()).contains("read nothing for longer than the call timeout");
        }
    }

    @Test
    void aCallToAFrozenTwinTimesOut() throws Exception {
        try (TwinMaster frozen = TwinMaster.builder("frozen-timeouts").callTimeout(Duration.ofMillis(500))
                .shutdownTimeout(Duration.ofSeconds(1)).build().start()) {
            Signals.stop(frozen.pid().getAsLong());
            assertThatThrownBy(() -> frozen.execute(() -> 1)).isInstanceOf(TwinTimeoutException.class);
            assertThatThrownBy(() -> frozen.execute(() -> 2)).isInstanceOf(TwinTimeoutException.class);
        }
    }

    @Test
    void theLastTimeoutIsTheTwinsLastFailureWhileItRunsOn() {
        assertThatThrownBy(() -> twin.execute(() -> {
            Thread.sleep(2_000);
            return "late";
        })).isInstanceOf(TwinTimeoutException.class);
        TwinStatus status = twin.status();
        assertThat(status.state()).isEqualTo(TwinState.RUNNING);
        assertThat(status.lastFailure().message()).contains("on twin 'timeouts' did not answer within PT0.5S");
        assertThat(status.lastFailure().exitStatus()).isNull();
    }

    @Test
    void stoppingAFrozenTwinThatMustBeKilledSaysSoWithTheTimeoutBefore() throws Exception {
        try (TwinMaster frozen = TwinMaster.builder("frozen-stopped").callTimeout(Duration.ofMillis(300))
                .shutdownTimeout(Duration.ofMillis(500)).build().start()) {
            Signals.stop(frozen.pid().getAsLong());
            assertThatThrownBy(() -> frozen.execute(() -> 1)).isInstanceOf(TwinTimeoutException.class);
            frozen.stop();
            TwinFailure failure = frozen.status().lastFailure();
            assertThat(failure.message()).contains("did not exit within its shutdown timeout of PT0.5S when stopped")
                    .contains("was killed: exit status 137 (killed by signal 9, SIGKILL)")
                    .contains("the last call that timed out before: execute");
            assertThat(failure.exitStatus()).isEqualTo(137);
        }
    }

    @Test
    void aTwinThatExitsWhenStoppedLeavesNoFailure() {
        try (TwinMaster polite = TwinMaster.builder("stopped-politely").callTimeout(Duration.ofMillis(300)).build().start()) {
            polite.stop();
            assertThat(polite.status().lastFailure()).isNull();
        }
    }
}
