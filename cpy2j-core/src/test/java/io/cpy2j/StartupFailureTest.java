package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.support.TestJdks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way a twin can fail to start ends in its own clear message, and leaves the id free. */
class StartupFailureTest {

    @TempDir
    Path folder;

    @Test
    void aBadJavaHomeFailsAtBuild() {
        Path noJdk = folder.resolve("no-jdk");
        assertThatThrownBy(() -> TwinMaster.builder("badhome").javaHome(noJdk).build())
                .isInstanceOfSatisfying(JdkNotFoundException.class, e -> {
                    assertThat(e).hasMessageContaining("javaHome " + noJdk + " is not a JDK: it does not exist");
                    assertThat(e.javaHome()).contains(noJdk);
                    assertThat(e.jdksFound()).extracting(JdkInfo::version).contains(System.getProperty("java.version"));
                    assertThat(e.command()).as("nothing was launched").isEmpty();
                });
    }

    @Test
    void aMissingJdkVersionListsTheInstalledOnes() {
        assertThatThrownBy(() -> TwinMaster.builder("nojdk").javaVersion(9).build())
                .isInstanceOf(JdkNotFoundException.class)
                .hasMessageContaining("No Java 9 installation found")
                .hasMessageContaining("Found: ")
                .hasMessageContaining(System.getProperty("java.version"))
                .isInstanceOfSatisfying(JdkNotFoundException.class, e -> {
                    assertThat(e.javaVersion()).hasValue(9);
                    assertThat(e.javaHome()).isEmpty();
                    assertThat(e.jdksFound()).extracting(JdkInfo::version).contains(System.getProperty("java.version"));
                });
    }

    @Test
    void aTwinWhoseClasspathLacksCpy2jSaysSo() {
        try (TwinMaster twin = TwinMaster.builder("nocp").replaceClasspath(List.of(folder.toString())).build()) {
            assertThatThrownBy(twin::start)
                    .isInstanceOf(TwinStartupException.class)
                    .hasMessageContaining("twin 'nocp' exited during start-up with exit status 1")
                    .hasMessageContaining("Could not find or load main class io.cpy2j.internal.twin.TwinMain")
                    .hasMessageContaining("classpath lacks cpy2j-core")
                    .isInstanceOfSatisfying(TwinStartupException.class, e -> {
                        assertThat(e.exitStatus()).hasValue(1);
                        assertThat(e.command()).containsSequence("-cp", folder.toString())
                                .containsSequence("io.cpy2j.internal.twin.TwinMain", "nocp",
                                        Long.toString(ProcessHandle.current().pid()));
                        assertThat(e.outputTail()).anyMatch(line -> line.contains("Could not find or load main class"));
                    });
            assertThat(twin.state()).isEqualTo(TwinState.TERMINATED);
        }
    }

    @Test
    void aTwinThatExitsDuringStartupShowsItsExitStatusAndOutput() {
        TestJdks.requireTwinJdk();
        try (TwinMaster twin = TwinMaster.builder("badflag").javaVersion(TestJdks.TWIN_VERSION)
                .jvmArgs("-XX:+NoSuchCpy2jFlag").build()) {
            assertThatThrownBy(twin::start)
                    .isInstanceOf(TwinStartupException.class)
                    .hasMessageContaining("twin 'badflag' exited during start-up with exit status 1")
                    .hasMessageContaining("NoSuchCpy2jFlag")
                    .hasMessageContaining("Command: ")
                    .isInstanceOfSatisfying(TwinStartupException.class, e -> {
                        assertThat(e.exitStatus()).hasValue(1);
                        assertThat(e.command()).contains("-XX:+NoSuchCpy2jFlag");
                        assertThat(e.command().get(0)).startsWith(TestJdks.find(TestJdks.TWIN_VERSION).get().home().toString());
                        assertThat(e.outputTail()).anyMatch(line -> line.contains("NoSuchCpy2jFlag"));
                    });
        }
    }

    @Test
    void aTwinThatStaysSilentIsStoppedAfterTheStartupTimeout() {
        // Agent-less way to be silent: the JVM waits for a debugger before main() runs.
        try (TwinMaster twin = TwinMaster.builder("silent")
                .jvmArgs("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:0")
                .startupTimeout(Duration.ofSeconds(2)).build()) {
            long started = System.nanoTime();
            assertThatThrownBy(twin::start)
                    .isInstanceOf(TwinStartupException.class)
                    .hasMessageContaining("did not answer within PT2S and was stopped")
                    .hasMessageContaining("startupTimeout")
                    .isInstanceOfSatisfying(TwinStartupException.class, e -> {
                        assertThat(e.command()).anyMatch(arg -> arg.startsWith("-agentlib:jdwp="));
                        // killed with SIGKILL once the timeout passed, if it was reaped in time
                        e.exitStatus().ifPresent(status -> assertThat(status).isEqualTo(137));
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void anExceptionMadeWithoutDetailsHasNone() {
        TwinStartupException plain = new TwinStartupException("no details");
        assertThat(plain.command()).isEmpty();
        assertThat(plain.exitStatus()).isEmpty();
        assertThat(plain.outputTail()).isEmpty();
        JdkNotFoundException rebuilt = new JdkNotFoundException("as rebuilt from another runtime");
        assertThat(rebuilt.javaVersion()).isEmpty();
        assertThat(rebuilt.javaHome()).isEmpty();
        assertThat(rebuilt.jdksFound()).isEmpty();
    }

    @Test
    void aFailedStartCanBeRetriedAndTheIdIsFreedOnClose() {
        TwinMaster twin = TwinMaster.builder("retry").jvmArgs("-XX:+NoSuchCpy2jFlag").build();
        assertThatThrownBy(twin::start).isInstanceOf(TwinStartupException.class);
        assertThatThrownBy(twin::start).isInstanceOf(TwinStartupException.class);
        twin.close();
        try (TwinMaster again = TwinMaster.builder("retry").build()) {
            assertThat(again.start().isAlive()).isTrue();
        }
    }
}
