package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.support.ChildMaster;
import io.cpy2j.support.ProcessStates;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A twin never outlives its master, however the master ends. */
class MasterDeathTest {

    @Test
    void killingTheMasterWithSigkillEndsItsTwinWithinTwoSeconds() throws Exception {
        try (ChildMaster master = ChildMaster.start(Map.of(), "orphan", "wait")) {
            long twinPid = Long.parseLong(master.awaitLine("TWIN_PID ", 60).split(" ")[1]);
            master.awaitLine("CALLED ", 30);
            Optional<ProcessHandle> twin = ProcessHandle.of(twinPid);
            assertThat(twin).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

            master.process().destroyForcibly(); // SIGKILL: no shutdown hook runs in the master
            master.process().waitFor();
            long killed = System.nanoTime();
            // Ended, not reaped: an orphan is reaped by the machine's init, which may take its time (seconds in
            // some containers) while the twin has long stopped running.
            while (ProcessStates.running(twin.get()) && System.nanoTime() - killed < Duration.ofSeconds(10).toNanos()) {
                Thread.sleep(20);
            }
            assertThat(ProcessStates.running(twin.get())).as("twin still running 10 s after its master was killed")
                    .isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void aMasterThatExitsWithoutStoppingItsTwinStillStopsIt() throws Exception {
        try (ChildMaster master = ChildMaster.start(Map.of(), "left", "exit")) {
            long twinPid = Long.parseLong(master.awaitLine("TWIN_PID ", 60).split(" ")[1]);
            assertThat(master.awaitExit()).isZero();
            ProcessHandle.of(twinPid).ifPresent(p -> p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(twinPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        }
    }

    @Test
    void aMasterThatEndsNormallyStopsItsTwin() throws Exception {
        try (ChildMaster master = ChildMaster.start(Map.of(), "normal")) {
            long twinPid = Long.parseLong(master.awaitLine("TWIN_PID ", 60).split(" ")[1]);
            assertThat(master.awaitExit()).isZero();
            ProcessHandle.of(twinPid).ifPresent(p -> p.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(twinPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        }
    }
}
