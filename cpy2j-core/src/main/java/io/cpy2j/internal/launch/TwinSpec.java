package io.cpy2j.internal.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to launch one twin, fixed when its {@code TwinMaster} is built.
 *
 * @param classpath the twin's classpath after {@code classpathPrepend}; empty means the master's own
 */
public record TwinSpec(String id, JdkInstallation jdk, List<String> jvmArgs, Map<String, String> systemProperties,
                       Map<String, String> environment, Path workingDirectory, List<String> classpathPrepend,
                       List<String> classpath, boolean inheritClasspath, Duration startupTimeout,
                       Duration shutdownTimeout, int maxFrameSize, boolean classDataSharing) {

    public TwinSpec {
        jvmArgs = List.copyOf(jvmArgs);
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
        classpathPrepend = List.copyOf(classpathPrepend);
        classpath = List.copyOf(classpath);
    }
}
