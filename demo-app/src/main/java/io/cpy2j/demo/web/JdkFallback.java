package io.cpy2j.demo.web;

import io.cpy2j.TwinMaster;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Tells whether a twin runs on another Java than its {@code java-version} asks for, which happens when
 * no such JDK is installed and {@code java-version-fallback: current} put it on the master's JDK. The
 * starter logs this once; the page shows it too, so it compares the setting with the running twin.
 */
final class JdkFallback {

    private JdkFallback() {
    }

    static Optional<String> warning(TwinMaster twin, Environment environment) {
        Integer asked = environment.getProperty("cpy2j.twins." + twin.id() + ".java-version", Integer.class);
        String running = twin.javaVersion();
        if (asked == null || running == null || feature(running) == asked) {
            return Optional.empty();
        }
        return Optional.of("twin '" + twin.id() + "' asks for Java " + asked + ", which is not installed: it runs "
                + "on the master's Java " + running + " (java-version-fallback: current)");
    }

    /** 25 for "25.0.3", 17 for "17.0.15" or "17". */
    static int feature(String version) {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? -1 : Integer.parseInt(version.substring(0, end));
    }
}
