package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.Functions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Two owners of one twin id in one JVM (two cached Spring test contexts) share it or fail clearly. */
class OwnershipTest {

    @Test
    void twoOwnersWithTheSameSettingsShareOneTwinUntilTheLastCloses() {
        TwinMaster first = TwinMaster.builder("shared").shutdownHook(false).acquire().start();
        TwinMaster second = TwinMaster.builder("shared").shutdownHook(false).acquire().start();
        try {
            assertThat(second).isSameAs(first);
            long pid = first.pid().getAsLong();
            first.close();
            assertThat(second.isAlive()).as("still owned by the second").isTrue();
            assertThat(second.execute(Functions::pid)).isEqualTo(pid);
        } finally {
            second.close();
        }
        assertThat(second.state()).isEqualTo(TwinState.STOPPED);
        assertThat(Twins.masterIds()).doesNotContain("shared");
    }

    @Test
    void ownersWithOtherSettingsAreRefusedWithTheDifference() {
        try (TwinMaster first = TwinMaster.builder("contested").acquire()) {
            assertThatThrownBy(() -> TwinMaster.builder("contested").callTimeout(Duration.ofSeconds(3)).acquire())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("twin 'contested' is already owned")
                    .hasMessageContaining("PT3S");
            assertThat(first.state()).isEqualTo(TwinState.NEW);
        }
    }

    @Test
    void buildingASecondMasterForAnIdStillFailsAndPointsToAcquire() {
        try (TwinMaster first = TwinMaster.builder("single").build()) {
            assertThatThrownBy(() -> TwinMaster.builder("single").build()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("acquire()");
        }
    }
}
