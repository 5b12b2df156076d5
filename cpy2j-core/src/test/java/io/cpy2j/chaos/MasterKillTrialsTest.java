package io.cpy2j.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.support.ChildMaster;
import io.cpy2j.support.MasterMain;
import io.cpy2j.support.ProcessStates;
import io.cpy2j.support.Reliability;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of a master (a child process running three twins, {@link MasterMain} "three"): no twin
 * is left, each gone within 2 s of the kill. Every trial launches its own master, since the kill ends it.
 *
 * <p>5 trials in CI; the full 100: {@code ./mvnw -pl cpy2j-core test -Dtest='MasterKillTrialsTest'
 * -Dcpy2j.reliability=full} (or {@code -Dcpy2j.chaos.trials=N}). Figures: {@code target/reliability/chaos-master-kill.md}.
 */
@Tag("faults")
class MasterKillTrialsTest {

    static final Duration GONE_BOUND = Duration.ofSeconds(2);
    static final long TRIALS = Reliability.size("cpy2j.chaos.trials", 5, 100);

    static final Latencies ended = new Latencies();
    static final Latencies reaped = new Latencies();
    static final Latencies slowestOfThree = new Latencies();
    static int twinsLeft;
    static final List<CompletableFuture<Void>> reaping = new ArrayList<>();
    /** Flags that make the master and its twins start sooner; nothing here depends on the JIT or the GC. */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    static final String[] MASTER_ARGS = {"chaos-orphan", "three", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    @AfterAll
    static void report() {
        reaping.forEach(CompletableFuture::join); // each bounded by 30 s
        Reliability.report("chaos-master-kill", """
                ## Chaos: `kill -9` of a master with three twins

                %d trials (`MasterKillTrialsTest`): each launches a master JVM that starts three twins and calls
                each (master and twins with `-XX:TieredStopAtLevel=1 -XX:+UseSerialGC`, to start sooner), kills
                the master with SIGKILL, and waits for the three twin processes to end. Twins left running:
                **%d**; bound: each ended within 2 s of the kill. A twin has *ended* when it runs no more (gone,
                or a zombie); it is *reaped* when the system's init, its parent once the master is gone, collects
                it, which is the machine's business (this sandbox's init takes up to about two seconds).

                %s
                %s
                %s
                %s""".formatted(slowestOfThree.count(), twinsLeft, Latencies.header(),
                ended.row("kill → a twin ended"), slowestOfThree.row("kill → the last of the three ended"),
                reaped.row("kill → a twin reaped")));
    }

    @Test
    void everyTwinEndsWithinTwoSecondsOfItsMastersKill() throws Exception {
        for (int trial = 1; trial <= TRIALS; trial++) {
            trial(trial);
        }
    }

    private static void trial(int trial) throws Exception {
        List<ProcessHandle> twins = List.of();
        try (ChildMaster master = ChildMaster.start(QUICK_START, Map.of(), MASTER_ARGS)) {
            twins = pids(master.awaitLine("TWIN_PIDS ", 60));
            long killed = System.nanoTime();
            master.process().destroyForcibly(); // SIGKILL: no shutdown hook runs in the master
            long slowest = awaitAll(twins, killed, 10, ProcessStates::running, ended);
            slowestOfThree.add(slowest);
            List<ProcessHandle> left = twins.stream().filter(ProcessStates::running).toList();
            twinsLeft += left.size();
            assertThat(left).as("trial %d: twins running 10 s after their master's kill", trial).isEmpty();
            assertThat(Duration.ofNanos(slowest)).as("trial %d: the last twin ended %s after the kill", trial,
                    Latencies.millis(slowest)).isLessThan(GONE_BOUND);
            awaitReapedMeanwhile(twins, killed);
        } finally {
            twins.forEach(ProcessHandle::destroyForcibly); // leave no JVM behind, whatever failed
        }
    }

    /** Reaping is up to the machine's init and slow here: timed while the next trial runs, not before it. */
    private static void awaitReapedMeanwhile(List<ProcessHandle> twins, long killed) {
        reaping.add(CompletableFuture.runAsync(() -> {
            try {
                awaitAll(twins, killed, 30, ProcessHandle::isAlive, reaped);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, task -> {
            Thread thread = new Thread(task, "chaos-reaped");
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /** Handles taken while the twins run, so a reused pid later is not mistaken for a twin. */
    private static List<ProcessHandle> pids(String line) {
        List<ProcessHandle> twins = Arrays.stream(line.substring("TWIN_PIDS ".length()).split(" "))
                .map(pid -> ProcessHandle.of(Long.parseLong(pid))).flatMap(Optional::stream).toList();
        assertThat(twins).as("running twins of " + line).hasSize(3).allMatch(ProcessStates::running);
        return twins;
    }

    /**
     * Polls every 5 ms (onExit of a process that is not our child polls too, less often) until none of
     * {@code twins} is {@code alive}; adds each one's time to {@code into}. Returns the slowest.
     */
    private static long awaitAll(List<ProcessHandle> twins, long killed, long seconds, Predicate<ProcessHandle> alive,
                                 Latencies into) throws InterruptedException {
        long deadline = killed + TimeUnit.SECONDS.toNanos(seconds);
        long[] goneAt = new long[twins.size()];
        while (System.nanoTime() < deadline && Arrays.stream(goneAt).anyMatch(at -> at == 0)) {
            for (int i = 0; i < twins.size(); i++) {
                if (goneAt[i] == 0 && !alive.test(twins.get(i))) {
                    goneAt[i] = System.nanoTime();
                    into.add(goneAt[i] - killed);
                }
            }
            Thread.sleep(5);
        }
        return Arrays.stream(goneAt).map(at -> at == 0 ? System.nanoTime() - killed : at - killed).max().orElse(0);
    }
}
