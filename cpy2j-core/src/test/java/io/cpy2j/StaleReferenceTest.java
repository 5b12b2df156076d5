package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.support.TestJdks;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Objects do not survive their twin: their proxies fail clearly, also after a restart. */
class StaleReferenceTest {

    static TwinMaster jdk25;

    @BeforeAll
    static void build() {
        TestJdks.requireTwinJdk();
        jdk25 = TwinMaster.builder("jdk25").javaVersion(TestJdks.TWIN_VERSION).build();
    }

    @AfterAll
    static void close() {
        if (jdk25 != null) {
            jdk25.close();
        }
    }

    @Test
    void aProxyToAnObjectOfADeadTwinFailsWithStaleTwinReferenceException() {
        jdk25.start();
        SuperComputer sc = Twins.create(SuperComputer.class, 1);
        assertThat(sc.seed()).isEqualTo(1);
        ProcessHandle twin = ProcessHandle.of(jdk25.pid().getAsLong()).orElseThrow();
        twin.destroyForcibly();
        twin.onExit().orTimeout(10, TimeUnit.SECONDS).join();

        assertThatThrownBy(sc::seed).isInstanceOf(StaleTwinReferenceException.class)
                .hasMessageContaining("SuperComputer#")
                .hasMessageContaining("lived in 'jdk25', which is gone")
                .hasMessageContaining("exit status 137");

        jdk25.start();
        assertThatThrownBy(sc::seed).as("a restarted twin does not bring old objects back")
                .isInstanceOf(StaleTwinReferenceException.class);
        assertThat(Twins.create(SuperComputer.class, 2).seed()).isEqualTo(2);
    }
}
