package io.cpy2j.internal.launch;

import io.cpy2j.JdkInfo;
import java.nio.file.Path;

/** An installed JDK or JRE, as read from its {@code release} file. */
public record JdkInstallation(Path home, int featureVersion, String version, String vendor) {

    public Path javaExecutable() {
        return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
    }

    /** The public description, for exceptions and status. */
    public JdkInfo info() {
        return new JdkInfo(home, featureVersion, version, vendor);
    }

    @Override
    public String toString() {
        return version + " (" + vendor + ") at " + home;
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
