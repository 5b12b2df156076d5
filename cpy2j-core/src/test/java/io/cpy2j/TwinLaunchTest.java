package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.internal.launch.JdkInstallation;
import io.cpy2j.support.TestJdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master launches a twin on another JDK than its own, with its own flags, properties, classpath and environment. */
class TwinLaunchTest {

    @TempDir
    static Path extraClasspath;
    static JdkInstallation otherJdk;
    static TwinMaster twin;

    @BeforeAll
    static void startTwin() throws Exception {
        otherJdk = TestJdks.requireTwinJdk();
        Files.createDirectories(extraClasspath.resolve("extra"));
        twin = TwinMaster.builder("launch-other")
                .javaVersion(otherJdk.featureVersion())
                .jvmArgs("-Xmx96m", "-XX:+UseSerialGC")
                .systemProperty("cpy2j.test.flavour", "twin-only")
                .environment("CPY2J_TEST_ENV", "from-builder")
                .workingDirectory(extraClasspath)
                .classpath(extraClasspath.resolve("extra").toString())
                .startupTimeout(Duration.ofSeconds(20))
                .build()
                .start();
    }

    @AfterAll
    static void stopTwin() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void twinRunsOnTheRequestedJdkWhileTheMasterRunsOnItsOwn() {
        String twinVersion = twin.execute(Functions::javaVersion);
        assertThat(twinVersion).isEqualTo(otherJdk.version()).isEqualTo(twin.javaVersion());
        assertThat(Runtime.Version.parse(twinVersion).feature()).as("the twin's feature version")
                .isEqualTo(otherJdk.featureVersion())
                .as("the master runs on its own JDK, another one").isNotEqualTo(Runtime.version().feature());
        assertThat(twin.javaVendor()).isEqualTo(twin.execute(() -> System.getProperty("java.vendor")));
    }

    @Test
    void twinKnowsItsOwnIdAndTheMasterKnowsItIsTheMaster() {
        assertThat(twin.execute(Twins::currentTwinId)).isEqualTo("launch-other");
        assertThat(twin.execute(Twins::isMaster)).isFalse();
        assertThat(Twins.currentTwinId()).isEqualTo(Twins.MASTER_ID);
    }

    @Test
    void twinHasItsOwnJvmArgsAndSystemProperties() {
        assertThat(twin.execute(Functions::jvmArgs)).contains("-Xmx96m", "-XX:+UseSerialGC");
        assertThat(Functions.jvmArgs()).doesNotContain("-Xmx96m", "-XX:+UseSerialGC");
        assertThat(twin.execute(Functions::property, "cpy2j.test.flavour")).isEqualTo("twin-only");
        assertThat(System.getProperty("cpy2j.test.flavour")).isNull();
    }

    @Test
    void twinHasThePrependedClasspathEntryFirst() {
        String classpath = twin.execute(Functions::property, "java.class.path");
        assertThat(classpath).startsWith(extraClasspath.resolve("extra").toString());
        assertThat(System.getProperty("java.class.path")).doesNotContain(extraClasspath.toString());
    }

    @Test
    void twinHasItsEnvironmentAndWorkingDirectory() throws Exception {
        assertThat(twin.execute(Functions::env, "CPY2J_TEST_ENV")).isEqualTo("from-builder");
        assertThat(Path.of(twin.execute(Functions::property, "user.dir")).toRealPath())
                .isEqualTo(extraClasspath.toRealPath());
    }

    @Test
    void supervisorSeesPidVersionUptimeAndCalls() {
        assertThat(twin.state()).isEqualTo(TwinState.RUNNING);
        assertThat(twin.isAlive()).isTrue();
        assertThat(twin.pid()).hasValue(twin.execute(Functions::pid));
        assertThat(twin.pid().getAsLong()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(twin.uptime()).isPositive();
        assertThat(twin.callsInFlight()).isZero();
        assertThat(twin.javaHome()).isEqualTo(otherJdk.home());
    }

    @Test
    void startIsIdempotentWhileRunning() {
        long pid = twin.pid().getAsLong();
        int starts = twin.starts();
        assertThat(twin.start()).isSameAs(twin);
        assertThat(twin.pid()).hasValue(pid);
        assertThat(twin.starts()).isEqualTo(starts);
    }

    @Test
    void aSecondMasterForTheSameIdIsRejected() {
        assertThatThrownBy(() -> TwinMaster.builder("launch-other").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'launch-other' already exists");
        assertThat(Twins.master("launch-other")).isSameAs(twin);
    }
}
