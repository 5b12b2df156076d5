package io.cpy2j.internal.launch;

import io.cpy2j.TwinBootstrap;
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
 */
public record TwinSpec(String id, JdkInstallation jdk, List<String> jvmArgs, Map<String, String> systemProperties,
                       Map<String, String> environment, Path workingDirectory, List<String> classpathPrepend,
                       TwinBootstrap bootstrap, Duration startupTimeout,
                       Duration shutdownTimeout, int maxFrameSize, boolean classDataSharing) {

    public TwinSpec {
        jvmArgs = List.copyOf(jvmArgs);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        classpathPrepend = List.copyOf(classpathPrepend);
        Objects.requireNonNull(bootstrap, "bootstrap");
    }
}
