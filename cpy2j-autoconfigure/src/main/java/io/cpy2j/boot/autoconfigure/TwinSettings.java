package io.cpy2j.boot.autoconfigure;

import io.cpy2j.RestartPolicy;
import io.cpy2j.TwinTrust;
import io.cpy2j.boot.autoconfigure.TwinProperties.AutoStart;
import io.cpy2j.boot.autoconfigure.TwinProperties.JavaVersionFallback;
import io.cpy2j.boot.autoconfigure.TwinProperties.Restart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * One twin's settings as they apply: its entry over {@code cpy2j.defaults} over cpy2j's own defaults,
 * checked. The one place that decides how the two sources combine: a value the twin sets wins; lists
 * (jvm-args, classpath) are the defaults' followed by the twin's; maps are merged, the twin's keys
 * winning; the JDK (java-home or java-version) comes whole from the twin when it names one.
 *
 * @param jdkSource where the JDK setting comes from ({@code cpy2j.twins.<id>} or {@code cpy2j.defaults}),
 *                  to name the property when no such JDK is installed
 */
public record TwinSettings(String id, Path javaHome, Integer javaVersion, JavaVersionFallback javaVersionFallback,
                           List<String> jvmArgs, Map<String, String> systemProperties,
                           Map<String, String> environment, List<String> classpath, Path workingDirectory,
                           Duration startupTimeout, Duration shutdownTimeout, Duration callTimeout,
                           AutoStart autoStart, RestartPolicy restartPolicy, Integer maxFrameSize,
                           boolean classDataSharing, TwinTrust trust, List<String> trustedPackages,
                           Integer maxCallsInFlight, String jdkSource) {

    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    static final int MAX_RESTARTS = 3;
    static final Duration RESTART_BACKOFF = Duration.ofSeconds(1);

    /** Resolves every declared twin, in declaration order. */
    public static Map<String, TwinSettings> resolveAll(Cpy2jProperties properties) {
        new TwinPropertiesValidator("(every twin)", "cpy2j.defaults").validate(properties.getDefaults());
        Map<String, TwinSettings> all = new LinkedHashMap<>();
        properties.getTwins().forEach((id, twin) -> all.put(id, resolve(id, properties.getDefaults(), twin)));
        return all;
    }

    static TwinSettings resolve(String id, TwinProperties defaults, TwinProperties twin) {
        new TwinPropertiesValidator(id, "cpy2j.twins." + id).validate(twin);
        boolean twinNamesJdk = twin.getJavaHome() != null || twin.getJavaVersion() != null;
        TwinProperties jdk = twinNamesJdk ? twin : defaults;
        return new TwinSettings(id, jdk.getJavaHome(), jdk.getJavaVersion(),
                first(twin.getJavaVersionFallback(), defaults.getJavaVersionFallback(), JavaVersionFallback.NONE),
                concat(defaults.getJvmArgs(), twin.getJvmArgs()),
                merge(defaults.getSystemProperties(), twin.getSystemProperties()),
                merge(defaults.getEnvironment(), twin.getEnvironment()),
                concat(defaults.getClasspath(), twin.getClasspath()),
                first(twin.getWorkingDirectory(), defaults.getWorkingDirectory(), null),
                first(twin.getStartupTimeout(), defaults.getStartupTimeout(), STARTUP_TIMEOUT),
                first(twin.getShutdownTimeout(), defaults.getShutdownTimeout(), SHUTDOWN_TIMEOUT),
                first(twin.getCallTimeout(), defaults.getCallTimeout(), Duration.ZERO),
                first(twin.getAutoStart(), defaults.getAutoStart(), AutoStart.EAGER),
                restartPolicy(defaults, twin),
                bytes(first(twin.getMaxFrameSize(), defaults.getMaxFrameSize(), null)),
                first(twin.getClassDataSharing(), defaults.getClassDataSharing(), Boolean.TRUE),
                trust(id, defaults, twin), concat(defaults.getTrustedPackages(), twin.getTrustedPackages()),
                first(twin.getMaxCallsInFlight(), defaults.getMaxCallsInFlight(), null),
                twinNamesJdk ? "cpy2j.twins." + id : "cpy2j.defaults");
    }

    /** Null when not set: the core's default then depends on the twin's trust. */
    private static Integer bytes(DataSize size) {
        return size == null ? null : (int) size.toBytes();
    }

    /** The twin's trust; trusted packages with full trust are a mistake worth a clear message. */
    private static TwinTrust trust(String id, TwinProperties defaults, TwinProperties twin) {
        TwinTrust trust = first(twin.getTrust(), defaults.getTrust(), TwinTrust.FULL);
        if (trust == TwinTrust.FULL && !twin.getTrustedPackages().isEmpty()) {
            throw new TwinSettingsException(id, "cpy2j.twins." + id + ".trusted-packages", twin.getTrustedPackages(),
                    "trusted packages apply only to a twin with trust: restricted; a fully trusted twin may send any "
                    + "class already", "Set cpy2j.twins." + id + ".trust to restricted, or remove its trusted-packages.");
        }
        return trust;
    }

    public boolean isLazy() {
        return autoStart == AutoStart.LAZY;
    }

    private static RestartPolicy restartPolicy(TwinProperties defaults, TwinProperties twin) {
        if (first(twin.getRestart(), defaults.getRestart(), Restart.NEVER) == Restart.NEVER) {
            return RestartPolicy.never();
        }
        return RestartPolicy.onFailure(first(twin.getMaxRestarts(), defaults.getMaxRestarts(), MAX_RESTARTS),
                first(twin.getRestartBackoff(), defaults.getRestartBackoff(), RESTART_BACKOFF));
    }

    private static <T> T first(T twin, T defaults, T builtIn) {
        return twin != null ? twin : defaults != null ? defaults : builtIn;
    }

    private static List<String> concat(List<String> defaults, List<String> twin) {
        List<String> all = new ArrayList<>(defaults);
        all.addAll(twin);
        return List.copyOf(all);
    }

    private static Map<String, String> merge(Map<String, String> defaults, Map<String, String> twin) {
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(twin);
        return Collections.unmodifiableMap(all);
    }
}
