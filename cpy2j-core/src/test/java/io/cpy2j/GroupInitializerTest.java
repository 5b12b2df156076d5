package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.function.TwinRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group initializers (cpy2py's TwinGroupState) run in every twin before it serves calls. */
class GroupInitializerTest {

    @AfterEach
    void forget() {
        Twins.clearInitializers();
    }

    @Test
    void initializersRunInEveryNewTwinBeforeItsFirstCall() {
        Twins.addInitializer(() -> System.setProperty("cpy2j.group", "initialised in " + Twins.currentTwinId()));
        try (TwinMaster a = TwinMaster.builder("group-a").build().start();
             TwinMaster b = TwinMaster.builder("group-b").build().start()) {
            assertThat(a.execute(Functions::property, "cpy2j.group")).isEqualTo("initialised in group-a");
            assertThat(b.execute(Functions::property, "cpy2j.group")).isEqualTo("initialised in group-b");
        }
        assertThat(System.getProperty("cpy2j.group")).isNull();
    }

    @Test
    void anInitializerCanAlsoRunInTwinsAlreadyRunning() {
        try (TwinMaster running = TwinMaster.builder("group-c").build().start()) {
            Twins.addInitializer(() -> System.setProperty("cpy2j.late", "yes"), true);
            assertThat(running.execute(Functions::property, "cpy2j.late")).isEqualTo("yes");
        }
    }

    @Test
    void aRemovedInitializerNoLongerRunsInNewTwins() {
        TwinRunnable<RuntimeException> kept = () -> System.setProperty("cpy2j.kept", "yes");
        TwinRunnable<RuntimeException> removed = () -> System.setProperty("cpy2j.removed", "yes");
        Twins.addInitializer(kept);
        Twins.addInitializer(removed);
        Twins.removeInitializer(removed);
        try (TwinMaster twin = TwinMaster.builder("group-e").build().start()) {
            assertThat(twin.execute(Functions::property, "cpy2j.kept")).isEqualTo("yes");
            assertThat(twin.execute(Functions::property, "cpy2j.removed")).isNull();
        }
    }

    @Test
    void aFailingInitializerFailsTheStart() {
        Twins.addInitializer(() -> {
            throw new IllegalStateException("no config");
        });
        try (TwinMaster twin = TwinMaster.builder("group-d").build()) {
            assertThatThrownBy(twin::start).isInstanceOf(TwinStartupException.class)
                    .hasMessageContaining("group initializer failed in twin 'group-d'")
                    .hasMessageContaining("no config");
            assertThat(twin.isAlive()).isFalse();
        }
    }
}
