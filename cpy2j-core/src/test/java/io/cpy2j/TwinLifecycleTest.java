package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cpy2j.fixtures.Functions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Life events in order, one consistent status, and restarts by policy after the twin dies. */
class TwinLifecycleTest {

    final List<TwinEvent> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void clearInitializers() {
        Twins.clearInitializers();
    }

    @Test
    void listenersSeeStartedThenStoppedOffTheCallersThread() {
        List<String> threads = new CopyOnWriteArrayList<>();
        try (TwinMaster twin = TwinMaster.builder("life-events")
                .listener(events::add).listener(e -> threads.add(Thread.currentThread().getName())).build()) {
            twin.start();
            twin.stop();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 2);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Started", "Stopped");
        assertThat(events.get(0).status().state()).isEqualTo(TwinState.RUNNING);
        assertThat(events.get(1).status().state()).isEqualTo(TwinState.STOPPED);
        assertThat(threads).allMatch(name -> name.equals("cpy2j-life-events-events"));
    }

    @Test
    void aFailingListenerDoesNotBreakTheTwin() {
        try (TwinMaster twin = TwinMaster.builder("life-failing-listener").listener(e -> {
            throw new IllegalStateException("listener bug");
        }).listener(events::add).build().start()) {
            assertThat(twin.execute(Functions::sumRange, 10L)).isEqualTo(45L);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 1);
        }
    }

    @Test
    void statusIsOneSnapshotOfTheRunningTwin() {
        try (TwinMaster twin = TwinMaster.builder("life-status").build().start()) {
            TwinStatus status = twin.status();
            assertThat(status.twinId()).isEqualTo("life-status");
            assertThat(status.state()).isEqualTo(TwinState.RUNNING);
            assertThat(status.pid()).isEqualTo(twin.execute(Functions::pid));
            assertThat(status.javaVersion()).isEqualTo(System.getProperty("java.version"));
            assertThat(status.starts()).isEqualTo(1);
            assertThat(status.restarts()).isZero();
            assertThat(status.uptime()).isPositive();
            assertThat(status.lastFailure()).isNull();
        }
    }

    @Test
    void aKilledTwinIsRestartedWithBackoffAndItsInitializersRunAgain() {
        Twins.addInitializer(() -> System.setProperty("cpy2j.initialized", "yes"));
        try (TwinMaster twin = TwinMaster.builder("life-restart").listener(events::add)
                .restartPolicy(RestartPolicy.onFailure(3, Duration.ofMillis(100)))
                .callTimeout(Duration.ofSeconds(20)).build().start()) {
            long firstPid = twin.pid().getAsLong();
            kill(firstPid);
            // Calls in flight when it died fail; one made once the death is noticed waits for the restart
            // (up to the call timeout) and then runs.
            await().atMost(Duration.ofSeconds(5)).until(() -> twin.state() != TwinState.RUNNING || twin.restarts() == 1);
            assertThat(twin.execute(Functions::property, "cpy2j.initialized")).isEqualTo("yes");
            assertThat(twin.pid().getAsLong()).isNotEqualTo(firstPid);
            TwinStatus status = twin.status();
            assertThat(status.restarts()).isEqualTo(1);
            assertThat(status.starts()).isEqualTo(2);
            assertThat(status.lastFailure().exitStatus()).isEqualTo(137);
            assertThat(status.lastFailure().message()).contains("life-restart");
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 4);
            assertThat(events).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("Started", "Terminated", "Restarting", "Restarted");
            assertThat(((TwinEvent.Terminated) events.get(1)).willRestart()).isTrue();
            assertThat(((TwinEvent.Restarting) events.get(2)).delay()).isEqualTo(Duration.ofMillis(100));
        }
    }

    @Test
    void withoutACallTimeoutACallDuringTheRestartFailsAtOnce() {
        try (TwinMaster twin = TwinMaster.builder("life-restart-no-wait")
                .restartPolicy(RestartPolicy.onFailure(1, Duration.ofSeconds(3))).build().start()) {
            kill(twin.pid().getAsLong());
            await().atMost(Duration.ofSeconds(5)).until(() -> twin.state() == TwinState.RESTARTING);
            assertThatThrownBy(() -> twin.execute(Functions::pid)).isInstanceOf(TwinTerminatedException.class)
                    .hasMessageContaining("restarting");
            await().atMost(Duration.ofSeconds(20)).until(twin::isAlive);
        }
    }

    @Test
    void restartsStopAtTheLimit() {
        try (TwinMaster twin = TwinMaster.builder("life-restart-limit").listener(events::add)
                .restartPolicy(RestartPolicy.onFailure(1, Duration.ZERO)).build().start()) {
            kill(twin.pid().getAsLong());
            await().atMost(Duration.ofSeconds(20)).until(twin::isAlive);
            kill(twin.pid().getAsLong());
            await().atMost(Duration.ofSeconds(5)).until(() -> twin.state() == TwinState.TERMINATED);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().filter(TwinEvent.Terminated.class::isInstance)
                    .count() == 2);
            assertThat(events.stream().filter(TwinEvent.Terminated.class::isInstance)
                    .map(e -> ((TwinEvent.Terminated) e).willRestart())).containsExactly(true, false);
            assertThat(twin.restarts()).isEqualTo(1);
        }
    }

    @Test
    void aStoppedTwinIsNotRestarted() throws Exception {
        try (TwinMaster twin = TwinMaster.builder("life-stopped").listener(events::add)
                .restartPolicy(RestartPolicy.onFailure(3, Duration.ZERO)).build().start()) {
            twin.stop();
            Thread.sleep(500);
            assertThat(twin.state()).isEqualTo(TwinState.STOPPED);
            assertThat(events).noneMatch(e -> e instanceof TwinEvent.Restarting);
        }
    }

    private static void kill(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }
}
