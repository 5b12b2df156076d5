package io.cpy2j.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinFailure;
import io.cpy2j.TwinState;
import io.cpy2j.TwinStatus;
import io.cpy2j.TwinTrust;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TwinHealthIndicatorTests {

    @Test
    void aRunningTwinIsUpWithItsStatusAsDetails() {
        Health health = TwinHealthIndicator.health(status(TwinState.RUNNING, 4242L, null), TwinTrust.FULL);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "RUNNING").containsEntry("pid", 4242L)
                .containsEntry("javaVersion", "25.0.3").containsEntry("javaVendor", "Eclipse Adoptium")
                .containsEntry("uptime", "PT1M").containsEntry("starts", 2).containsEntry("restarts", 1)
                .containsEntry("callsInFlight", 3).containsEntry("proxies", 4).containsEntry("exported", 5)
                .containsEntry("trust", "FULL").doesNotContainKey("lastFailure");
    }

    @Test
    void aRestrictedTwinSaysSo() {
        Health health = TwinHealthIndicator.health(status(TwinState.RUNNING, 4242L, null), TwinTrust.RESTRICTED);

        assertThat(health.getDetails()).containsEntry("trust", "RESTRICTED");
    }

    @Test
    void aDeadTwinThatWillNotComeBackIsDownWithItsLastFailure() {
        TwinFailure killed = new TwinFailure(Instant.parse("2026-01-01T00:00:00Z"), "killed", 137);

        Health health = TwinHealthIndicator.health(status(TwinState.TERMINATED, null, killed), TwinTrust.FULL);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).doesNotContainKey("pid").containsEntry("lastFailure",
                Map.of("time", "2026-01-01T00:00:00Z", "message", "killed", "exitStatus", 137));
    }

    @Test
    void aRestartingTwinIsOutOfServiceNotDown() {
        assertThat(TwinHealthIndicator.status(TwinState.RESTARTING)).isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void aStoppedTwinIsDownAndANeverStartedOneUnknown() {
        assertThat(TwinHealthIndicator.status(TwinState.STOPPED)).isEqualTo(Status.DOWN);
        assertThat(TwinHealthIndicator.status(TwinState.NEW)).isEqualTo(Status.UNKNOWN);
    }

    private static TwinStatus status(TwinState state, Long pid, TwinFailure failure) {
        return new TwinStatus("t", state, pid, "25.0.3", "Eclipse Adoptium", Path.of("/opt/jdk-25"),
                Duration.ofMinutes(1), 2, 1, 3, 4, 5, failure);
    }
}
