package io.cpy2j.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.RestartPolicy;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import io.cpy2j.TwinTerminatedException;
import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.support.Reliability;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a twin while 100 calls are in flight (blocking calls on threads, asynchronous calls,
 * calls whose twin side is inside a callback into the master): every caller is released with
 * {@link TwinTerminatedException} within 1 s, none hangs, and with {@code RestartPolicy.onFailure} the twin
 * answers again and a recreatable object works. One master per kernel path, killed in alternate trials:
 * without a call timeout callers read the channel themselves, with one the watchdog reads for them.
 *
 * <p>5 trials in CI; the full 100: {@code ./mvnw -pl cpy2j-core test -Dtest='TwinKillTrialsTest'
 * -Dcpy2j.reliability=full} (or {@code -Dcpy2j.chaos.trials=N}). Figures: {@code target/reliability/chaos-twin-kill.md}.
 */
@Tag("faults")
class TwinKillTrialsTest {

    static final int CALLS = 100;
    static final Duration RELEASE_BOUND = Duration.ofSeconds(1);
    static final long TRIALS = Reliability.size("cpy2j.chaos.trials", 5, 100);

    static TwinMaster reading;
    static TwinMaster watched;
    static ExecutorService callers;
    static final AtomicInteger made = new AtomicInteger();
    static final Latencies release = new Latencies();
    static final Map<InFlightCalls.Kind, Latencies> releaseByKind = new EnumMap<>(InFlightCalls.Kind.class);
    static final Latencies restart = new Latencies();
    static final Map<String, Integer> outcomes = new TreeMap<>();

    @BeforeAll
    static void start() {
        reading = master("chaos-kill", Duration.ZERO);
        watched = master("chaos-kill-deadline", Duration.ofSeconds(30));
        callers = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void close() {
        callers.shutdownNow();
        for (TwinMaster twin : new TwinMaster[] {reading, watched}) {
            if (twin != null) {
                twin.close();
            }
        }
        report();
    }

    @Test
    void everyCallerIsReleasedWithinASecondAndTheTwinComesBack() throws Exception {
        SuperComputer[] lasting = {recreatable(reading), recreatable(watched)};
        for (int trial = 1; trial <= TRIALS; trial++) {
            int which = trial % 2;
            TwinMaster twin = which == 0 ? reading : watched;
            trial(trial, twin, lasting[which]);
        }
    }

    private static void trial(int trial, TwinMaster twin, SuperComputer lasting) throws Exception {
        String name = "trial " + trial + " (" + twin.id() + ")";
        int restartsBefore = twin.restarts();
        ProcessHandle process = ProcessHandle.of(twin.pid().getAsLong()).orElseThrow();
        InFlightCalls calls = new InFlightCalls(twin).start(CALLS, callers);
        long killed;
        List<InFlightCalls.Release> released;
        try {
            calls.awaitAllInFlight(30);
            killed = System.nanoTime();
            process.destroyForcibly();
            released = calls.awaitReleases(10);
        } catch (AssertionError e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
        for (InFlightCalls.Release call : released) {
            record(call);
            long tookNanos = call.atNanos() - killed;
            release.add(tookNanos);
            releaseByKind.computeIfAbsent(call.kind(), kind -> new Latencies()).add(tookNanos);
            assertThat(call.error()).as("%s: how a %s call ended", name, call.kind())
                    .isInstanceOf(TwinTerminatedException.class);
            assertThat(Duration.ofNanos(tookNanos)).as("%s: a %s call released %s after the kill", name,
                    call.kind(), Latencies.millis(tookNanos)).isLessThan(RELEASE_BOUND);
        }
        awaitRestarted(name, twin, restartsBefore);
        restart.add(System.nanoTime() - killed);
        long pid = twin.pid().getAsLong();
        assertThat(pid).as("%s: a new process", name).isNotEqualTo(process.pid());
        assertThat(twin.execute(ChaosFunctions::pid)).as("%s: the twin answers", name).isEqualTo(pid);
        assertThat(lasting.pid()).as("%s: the recreatable object lives in the new twin", name).isEqualTo(pid);
        assertThat(lasting.getName()).as("%s: made again", name).isEqualTo("lasting");
    }

    private static void awaitRestarted(String name, TwinMaster twin, int restartsBefore) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(twin.restarts() > restartsBefore && twin.state() == TwinState.RUNNING)
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(twin.state()).as("%s: state 30 s after the kill (restarts %d)", name, twin.restarts())
                .isEqualTo(TwinState.RUNNING);
    }

    private static TwinMaster master(String id, Duration callTimeout) {
        return TwinMaster.builder(id).callTimeout(callTimeout).shutdownTimeout(Duration.ofSeconds(2))
                .restartPolicy(RestartPolicy.onFailure(Integer.MAX_VALUE, Duration.ofMillis(10))).build().start();
    }

    private static SuperComputer recreatable(TwinMaster twin) {
        return twin.createRecreatable(SuperComputer.class, () -> new Object[] {"lasting", made.incrementAndGet()});
    }

    private static synchronized void record(InFlightCalls.Release call) {
        String outcome = call.kind() + ": " + (call.error() == null ? "returned" : call.error().getClass().getSimpleName());
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private static void report() {
        StringBuilder table = new StringBuilder();
        outcomes.forEach((outcome, count) -> table.append("| ").append(outcome).append(" | ").append(count).append(" |\n"));
        StringBuilder kinds = new StringBuilder();
        releaseByKind.forEach((kind, latencies) -> kinds.append(latencies.row("… " + kind + " calls")).append('\n'));
        Reliability.report("chaos-twin-kill", """
                ## Chaos: `kill -9` of a twin with %d calls in flight

                %d trials (`TwinKillTrialsTest`), alternating between a master without a call timeout (callers read
                the channel themselves) and one with a 30 s call timeout (the watchdog reads for them); both restart
                their twin on failure after 10 ms. Each trial starts %d calls (blocking calls on threads, `submit`,
                calls inside a callback that calls the twin again, calls inside a callback busy in the master), kills
                the twin with SIGKILL once all are in flight, and checks that each caller is released with
                `TwinTerminatedException` within 1 s, then that the restarted twin answers and a recreatable object
                works in it.

                %s
                %s
                %s%s

                | call kind: how it ended | calls |
                |---|---|
                %s""".formatted(CALLS, release.count() / CALLS, CALLS, Latencies.header(),
                release.row("kill → caller released"), kinds, restart.row("kill → restarted twin answers"), table));
    }
}
