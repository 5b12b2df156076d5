package io.cpy2j.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cpy2j.TwinFailure;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import io.cpy2j.TwinStatus;
import io.cpy2j.TwinTimeoutException;
import io.cpy2j.support.ProcessStates;
import io.cpy2j.support.Reliability;
import io.cpy2j.support.Signals;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A wedged twin, frozen with {@code SIGSTOP} or busy in a call that spins and ignores interrupts: calls
 * with a call timeout fail with {@link TwinTimeoutException} (blocking and asynchronous), {@code stop()}
 * returns within the shutdown timeout (killing the twin if it does not exit), and the twin's status,
 * which the starter's health shows, says why in its {@code lastFailure}. One master, started again for
 * every trial.
 *
 * <p>5 trials in CI, the full 100, each kind of wedge getting half (rounded up): {@code ./mvnw -pl cpy2j-core test -Dtest='WedgedTwinTrialsTest'
 * -Dcpy2j.reliability=full} (or {@code -Dcpy2j.chaos.trials=N}). Figures: {@code target/reliability/chaos-wedged.md}.
 */
@Tag("faults")
class WedgedTwinTrialsTest {

    static final Duration CALL_TIMEOUT = Duration.ofMillis(300);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofMillis(500);
    /** What README.md promises for stop(): the shutdown timeout plus a second, whatever the twin does. */
    static final Duration STOP_BOUND = SHUTDOWN_TIMEOUT.plusSeconds(1);
    static final long TRIALS = Reliability.size("cpy2j.chaos.trials", 5, 100);
    /** The trials are shared by the two ways of wedging a twin, each getting half (rounded up). */
    static final long TRIALS_EACH = (TRIALS + 1) / 2;

    static TwinMaster twin;
    static final Map<String, Latencies> figures = new TreeMap<>();
    static final Map<String, String> lastFailures = new TreeMap<>();

    @BeforeAll
    static void build() {
        twin = TwinMaster.builder("chaos-wedged").callTimeout(CALL_TIMEOUT).shutdownTimeout(SHUTDOWN_TIMEOUT).build();
    }

    @AfterAll
    static void close() {
        if (twin != null) {
            twin.close();
        }
        report();
    }

    @AfterEach
    void stop() {
        twin.stop(); // a failed trial must not leave the next test a wedged twin
    }

    @Test
    void aFrozenTwinTimesOutItsCallsAndIsKilledByStop() throws Exception {
        for (int trial = 1; trial <= TRIALS_EACH; trial++) {
            String name = "SIGSTOP trial " + trial;
            long pid = startAnswering(name);
            Signals.stop(pid);
            long submitted = System.nanoTime();
            CompletableFuture<Long> async = twin.submit(ChaosFunctions::pid);
            assertTimesOut(name, "SIGSTOP: a blocking call", System.nanoTime(), () -> twin.execute(ChaosFunctions::pid));
            assertTimesOut(name, "SIGSTOP: a `submit` call", submitted, () -> async.get(10, TimeUnit.SECONDS));
            assertHealthShowsTheTimeout(name);
            assertStopsInTime(name, "SIGSTOP", pid);
            assertThat(twin.status().lastFailure().message()).as("%s: lastFailure after stop()", name)
                    .contains("did not exit within its shutdown timeout of " + SHUTDOWN_TIMEOUT)
                    .contains("was killed").contains("the last call that timed out before");
        }
    }

    /** One call spins (blocking in odd trials, submitted in even ones); the twin still answers the rest. */
    @Test
    void aCallSpinningInTheTwinTimesOutAndStopEndsTheTwin() throws Exception {
        for (int trial = 1; trial <= TRIALS_EACH; trial++) {
            String name = "spinning trial " + trial;
            long pid = startAnswering(name);
            if (trial % 2 == 1) {
                assertTimesOut(name, "spin: a blocking call", System.nanoTime(),
                        () -> twin.execute(ChaosFunctions::spinForever));
            } else {
                long submitted = System.nanoTime();
                CompletableFuture<Object> spinning = twin.submit(ChaosFunctions::spinForever);
                assertTimesOut(name, "spin: a `submit` call", submitted, () -> spinning.get(10, TimeUnit.SECONDS));
            }
            assertHealthShowsTheTimeout(name);
            assertThat(awaitAnswer(name, "still answers other calls")).isEqualTo(pid);
            assertStopsInTime(name, "spin", pid);
            assertThat(twin.status().lastFailure().message()).as("%s: lastFailure after stop()", name)
                    .contains("did not answer within " + CALL_TIMEOUT);
        }
    }

    /**
     * Starts the twin and waits for its first answer: a fresh twin's first calls load classes and may
     * take longer than the short call timeout on a busy machine, which is not the wedge under test.
     */
    private static long startAnswering(String name) throws InterruptedException {
        twin.start();
        long pid = twin.pid().getAsLong();
        assertThat(awaitAnswer(name, "answers before it is wedged")).isEqualTo(pid);
        return pid;
    }

    /**
     * The twin's pid, from the first of up to 20 calls that answers in time: a fresh twin loading classes,
     * or one sharing two busy cores with a spinning call, may miss the short call timeout now and then.
     */
    private static long awaitAnswer(String name, String what) throws InterruptedException {
        for (int attempt = 1; attempt < 20; attempt++) {
            try {
                return twin.execute(ChaosFunctions::pid);
            } catch (TwinTimeoutException e) {
                Thread.sleep(50);
            }
        }
        try {
            return twin.execute(ChaosFunctions::pid);
        } catch (TwinTimeoutException e) {
            throw new AssertionError(name + ": the twin never " + what + " within 20 calls", e);
        }
    }

    /** @param started when the call was made: a submitted call's clock runs from its submit */
    private static void assertTimesOut(String name, String what, long started, ThrowingCallable call) {
        Throwable error = catchThrowable(call);
        long took = System.nanoTime() - started;
        figures.computeIfAbsent(what + " → `TwinTimeoutException`", k -> new Latencies()).add(took);
        Throwable cause = error instanceof ExecutionException ? error.getCause() : error;
        assertThat(cause).as("%s: %s, after %s", name, what, Latencies.millis(took))
                .isInstanceOf(TwinTimeoutException.class);
    }

    /** What the starter's health shows of a wedged twin: still running, and why its calls fail. */
    private static void assertHealthShowsTheTimeout(String name) {
        TwinStatus status = twin.status();
        assertThat(status.state()).as("%s: state while wedged", name).isEqualTo(TwinState.RUNNING);
        assertThat(status.lastFailure()).as("%s: lastFailure while wedged", name).isNotNull();
        assertThat(status.lastFailure().message()).as("%s: lastFailure while wedged", name)
                .contains("did not answer within " + CALL_TIMEOUT);
    }

    private static void assertStopsInTime(String name, String kind, long pid) {
        long started = System.nanoTime();
        twin.stop();
        long took = System.nanoTime() - started;
        figures.computeIfAbsent(kind + ": `stop()`", k -> new Latencies()).add(took);
        assertThat(Duration.ofNanos(took)).as("%s: stop() took %s", name, Latencies.millis(took)).isLessThan(STOP_BOUND);
        assertThat(twin.state()).isEqualTo(TwinState.STOPPED);
        assertThat(ProcessHandle.of(pid).map(ProcessStates::running).orElse(false))
                .as("%s: the twin process after stop()", name).isFalse();
        TwinFailure failure = twin.status().lastFailure();
        lastFailures.put(kind, failure == null ? "(none)" : failure.message() + " [exit status " + failure.exitStatus() + "]");
    }

    private static void report() {
        StringBuilder rows = new StringBuilder();
        figures.forEach((label, latencies) -> rows.append(latencies.row(label)).append('\n'));
        StringBuilder failures = new StringBuilder();
        lastFailures.forEach((kind, message) -> failures.append("- ").append(kind).append(": ").append(message).append('\n'));
        Reliability.report("chaos-wedged", """
                ## Chaos: a wedged twin

                %d trials of each kind (`WedgedTwinTrialsTest`; %d in all), call timeout %s, shutdown timeout %s: the twin is
                frozen with SIGSTOP (then a blocking and a `submit` call are made), or one call spins ignoring
                interrupts (a blocking call in odd trials, a `submit` call in even ones; other calls must still be
                answered); the calls must fail with `TwinTimeoutException` (the time below is from the call to its
                failure), `stop()` must return within the shutdown timeout plus a second (README),
                leaving no twin process running, and `status().lastFailure` (what the starter's health shows) must say why, both while the twin is
                wedged (the call timeout) and after `stop()` (the kill it needed, if any).

                %s
                %s
                `lastFailure` after the last trial of each kind:

                %s""".formatted(TRIALS_EACH, 2 * TRIALS_EACH, CALL_TIMEOUT, SHUTDOWN_TIMEOUT, Latencies.header(), rows, failures));
    }
}
