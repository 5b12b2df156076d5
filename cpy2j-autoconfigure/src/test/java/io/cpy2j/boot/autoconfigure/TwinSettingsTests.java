package io.cpy2j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.RestartPolicy;
import io.cpy2j.TwinTrust;
import io.cpy2j.boot.autoconfigure.TwinProperties.AutoStart;
import io.cpy2j.boot.autoconfigure.TwinProperties.Restart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class TwinSettingsTests {

    private final TwinProperties defaults = new TwinProperties();
    private final TwinProperties twin = new TwinProperties();

    @Test
    void nothingSetGivesCpy2jsOwnDefaults() {
        TwinSettings settings = TwinSettings.resolve("t", defaults, twin);

        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.callTimeout()).isZero();
        assertThat(settings.autoStart()).isEqualTo(AutoStart.EAGER);
        assertThat(settings.restartPolicy()).isEqualTo(RestartPolicy.never());
        assertThat(settings.maxFrameSize()).as("the core's default, which depends on the trust").isNull();
        assertThat(settings.classDataSharing()).isTrue();
        assertThat(settings.javaHome()).isNull();
        assertThat(settings.javaVersion()).isNull();
    }

    @Test
    void aValueTheTwinSetsWinsOverTheDefaults() {
        defaults.setStartupTimeout(Duration.ofSeconds(5));
        defaults.setCallTimeout(Duration.ofSeconds(2));
        twin.setStartupTimeout(Duration.ofSeconds(7));

        TwinSettings settings = TwinSettings.resolve("t", defaults, twin);

        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(settings.callTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void listsAreTheDefaultsFollowedByTheTwins() {
        defaults.setJvmArgs(List.of("-Xmx64m"));
        twin.setJvmArgs(List.of("-XX:+UseSerialGC"));
        twin.setClasspath(List.of("lib/a.jar"));

        TwinSettings settings = TwinSettings.resolve("t", defaults, twin);

        assertThat(settings.jvmArgs()).containsExactly("-Xmx64m", "-XX:+UseSerialGC");
        assertThat(settings.classpath()).containsExactly("lib/a.jar");
    }

    @Test
    void mapsAreMergedWithTheTwinsKeysWinning() {
        defaults.setSystemProperties(Map.of("a", "1", "b", "1"));
        twin.setSystemProperties(Map.of("b", "2"));

        assertThat(TwinSettings.resolve("t", defaults, twin).systemProperties()).containsOnly(
                Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void aJdkTheTwinNamesReplacesTheDefaultsJdkWhole() {
        defaults.setJavaVersion(25);
        twin.setJavaHome(Path.of("/opt/jdk"));

        TwinSettings settings = TwinSettings.resolve("t", defaults, twin);

        assertThat(settings.javaHome()).isEqualTo(Path.of("/opt/jdk"));
        assertThat(settings.javaVersion()).isNull();
        assertThat(settings.jdkSource()).isEqualTo("cpy2j.twins.t");
    }

    @Test
    void aJdkFromTheDefaultsIsReportedAsTheDefaults() {
        defaults.setJavaVersion(25);

        TwinSettings settings = TwinSettings.resolve("t", defaults, twin);

        assertThat(settings.javaVersion()).isEqualTo(25);
        assertThat(settings.jdkSource()).isEqualTo("cpy2j.defaults");
    }

    @Test
    void restartOnFailureTakesMaxRestartsAndBackoff() {
        twin.setRestart(Restart.ON_FAILURE);
        defaults.setRestartBackoff(Duration.ofMillis(200));

        assertThat(TwinSettings.resolve("t", defaults, twin).restartPolicy())
                .isEqualTo(RestartPolicy.onFailure(3, Duration.ofMillis(200)));
    }

    @Test
    void aNegativeTimeoutNamesItsProperty() {
        twin.setStartupTimeout(Duration.ofSeconds(-1));

        assertThatThrownBy(() -> TwinSettings.resolve("t", defaults, twin))
                .isInstanceOfSatisfying(TwinSettingsException.class, e -> {
                    assertThat(e.getProperty()).isEqualTo("cpy2j.twins.t.startup-timeout");
                    assertThat(e.getProblem()).contains("must be positive");
                    assertThat(e.getAction()).contains("positive duration");
                });
    }

    @Test
    void aNegativeCallTimeoutInTheDefaultsNamesTheDefaults() {
        Cpy2jProperties properties = new Cpy2jProperties();
        properties.getDefaults().setCallTimeout(Duration.ofSeconds(-3));

        assertThatThrownBy(() -> TwinSettings.resolveAll(properties))
                .isInstanceOfSatisfying(TwinSettingsException.class,
                        e -> assertThat(e.getProperty()).isEqualTo("cpy2j.defaults.call-timeout"));
    }

    @Test
    void javaHomeAndJavaVersionTogetherAreRefused() {
        twin.setJavaHome(Path.of("/opt/jdk"));
        twin.setJavaVersion(25);

        assertThatThrownBy(() -> TwinSettings.resolve("t", defaults, twin))
                .isInstanceOf(TwinSettingsException.class).hasMessageContaining("a twin runs on one JDK");
    }

    @Test
    void maxRestartsBelowOneAndTinyFramesAreRefused() {
        twin.setMaxRestarts(0);
        assertThatThrownBy(() -> TwinSettings.resolve("t", defaults, twin))
                .hasMessageContaining("cpy2j.twins.t.max-restarts");

        twin.setMaxRestarts(null);
        twin.setMaxFrameSize(DataSize.ofBytes(10));
        assertThatThrownBy(() -> TwinSettings.resolve("t", defaults, twin))
                .hasMessageContaining("cpy2j.twins.t.max-frame-size");
    }

    @Test
    void aTwinIsFullyTrustedUnlessRestricted() {
        assertThat(TwinSettings.resolve("t", defaults, twin).trust()).isEqualTo(TwinTrust.FULL);

        defaults.setTrust(TwinTrust.RESTRICTED);
        defaults.setTrustedPackages(List.of("com.example.model"));
        twin.setTrustedPackages(List.of("com.example.parser"));
        twin.setMaxCallsInFlight(16);
        TwinSettings settings = TwinSettings.resolve("t", defaults, twin);

        assertThat(settings.trust()).isEqualTo(TwinTrust.RESTRICTED);
        assertThat(settings.trustedPackages()).containsExactly("com.example.model", "com.example.parser");
        assertThat(settings.maxCallsInFlight()).isEqualTo(16);
    }

    @Test
    void trustSettingsThatMakeNoSenseAreRefusedWithTheirProperty() {
        twin.setTrustedPackages(List.of("com.example"));
        assertThatThrownBy(() -> TwinSettings.resolve("t", defaults, twin))
                .hasMessageContaining("cpy2j.twins.t.trusted-packages").hasMessageContaining("trust: restricted");

        twin.setTrust(TwinTrust.RESTRICTED);
        twin.setTrustedPackages(List.of("com/example"));
        assertThatThrownBy(() -> TwinSettings.resolve("t", defaults, twin))
                .hasMessageContaining("cpy2j.twins.t.trusted-packages").hasMessageContaining("not a package name");

        twin.setTrustedPackages(List.of());
        twin.setMaxCallsInFlight(0);
        assertThatThrownBy(() -> TwinSettings.resolve("t", defaults, twin))
                .hasMessageContaining("cpy2j.twins.t.max-calls-in-flight");
    }
}
