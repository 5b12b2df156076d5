package io.cpy2j.internal.launch;

import io.cpy2j.TwinBootstrap;
import io.cpy2j.TwinTrust;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to launch one twin, fixed when its {@code TwinMaster} is built.
 *
 * @param classpathPrepend the twin's extra entries, which win over the bootstrap's class path
 * @param bootstrap        the twin's main class, class path and launcher arguments
 * @param trust            how far the master trusts what the twin sends
 * @param trustedPackages  the packages whose classes a restricted twin may send
 * @param maxCallsInFlight how many of the twin's calls the master serves at once; zero for no limit
 */
public record TwinSpec(String id, JdkInstallation jdk, List<String> jvmArgs, Map<String, String> systemProperties,
                       Map<String, String> environment, Path workingDirectory, List<String> classpathPrepend,
                       TwinBootstrap bootstrap, Duration startupTimeout,
                       Duration shutdownTimeout, int maxFrameSize, boolean classDataSharing, TwinTrust trust,
                       List<String> trustedPackages, int maxCallsInFlight) {

    /** A fully trusted twin: what launching alone needs. */
    public TwinSpec(String id, JdkInstallation jdk, List<String> jvmArgs, Map<String, String> systemProperties,
                    Map<String, String> environment, Path workingDirectory, List<String> classpathPrepend,
                    TwinBootstrap bootstrap, Duration startupTimeout, Duration shutdownTimeout, int maxFrameSize,
                    boolean classDataSharing) {
        this(id, jdk, jvmArgs, systemProperties, environment, workingDirectory, classpathPrepend, bootstrap,
                startupTimeout, shutdownTimeout, maxFrameSize, classDataSharing, TwinTrust.FULL, List.of(), 0);
    }

    public TwinSpec {
        trustedPackages = List.copyOf(trustedPackages);
        Objects.requireNonNull(trust, "trust");
        jvmArgs = List.copyOf(jvmArgs);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        classpathPrepend = List.copyOf(classpathPrepend);
        Objects.requireNonNull(bootstrap, "bootstrap");
    }
}
