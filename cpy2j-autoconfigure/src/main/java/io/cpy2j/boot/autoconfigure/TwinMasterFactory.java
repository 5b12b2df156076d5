package io.cpy2j.boot.autoconfigure;

import io.cpy2j.JdkInfo;
import io.cpy2j.JdkNotFoundException;
import io.cpy2j.TwinListener;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinMasterBuilder;
import io.cpy2j.TwinTrust;
import io.cpy2j.boot.autoconfigure.TwinProperties.JavaVersionFallback;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Turns {@link TwinSettings} into a {@link TwinMaster} owned by the Spring context: no JVM shutdown
 * hook (the context stops it), shared with another context that declares the same twin with the same
 * settings ({@code acquire}), and a JDK problem reported as the property that caused it.
 */
final class TwinMasterFactory {

    private static final Log log = LogFactory.getLog(TwinMasterFactory.class);

    TwinMaster acquire(TwinSettings settings, TwinListener listener) {
        try {
            return acquire(builder(settings, false), listener, settings);
        } catch (JdkNotFoundException e) {
            if (settings.javaVersion() != null && settings.javaVersionFallback() == JavaVersionFallback.CURRENT) {
                log.warn("Twin '" + settings.id() + "' asks for Java " + settings.javaVersion() + ", which is not "
                        + "installed (found: " + describe(e.jdksFound()) + "); it runs on the master's JDK, Java "
                        + Runtime.version() + ", because java-version-fallback is current");
                return acquire(builder(settings, true), listener, settings);
            }
            throw noJdk(settings, e);
        }
    }

    private static TwinMaster acquire(TwinMasterBuilder builder, TwinListener listener, TwinSettings settings) {
        try {
            return builder.listener(listener).acquire();
        } catch (IllegalStateException e) {
            throw new TwinSettingsException(settings.id(), "cpy2j.twins." + settings.id(), "(its settings)",
                    e.getMessage(), "Give the twins different ids, or the same settings so that they share one twin.", e);
        }
    }

    static TwinMasterBuilder builder(TwinSettings settings, boolean mastersJdk) {
        TwinMasterBuilder builder = TwinMaster.builder(settings.id())
                .jvmArgs(settings.jvmArgs())
                // The trace of the call a twin serves goes into its MDC, so its log lines carry it; a
                // system property cpy2j.mdc of the twin's own, set below, replaces the list.
                .mdcHeaders("traceId", "spanId")
                .systemProperties(settings.systemProperties())
                .environment(settings.environment())
                .classpath(settings.classpath())
                .startupTimeout(settings.startupTimeout())
                .shutdownTimeout(settings.shutdownTimeout())
                .callTimeout(settings.callTimeout())
                .restartPolicy(settings.restartPolicy())
                .classDataSharing(settings.classDataSharing())
                .trust(settings.trust())
                .shutdownHook(false);
        if (settings.trust() == TwinTrust.RESTRICTED) {
            builder.trustedPackages(settings.trustedPackages());
        }
        if (settings.maxFrameSize() != null) {
            builder.maxFrameSize(settings.maxFrameSize());
        }
        if (settings.maxCallsInFlight() != null) {
            builder.maxCallsInFlight(settings.maxCallsInFlight());
        }
        if (settings.workingDirectory() != null) {
            builder.workingDirectory(settings.workingDirectory());
        }
        if (settings.javaHome() != null) {
            builder.javaHome(settings.javaHome());
        } else if (settings.javaVersion() != null && !mastersJdk) {
            builder.javaVersion(settings.javaVersion());
        }
        return builder;
    }

    private static TwinSettingsException noJdk(TwinSettings settings, JdkNotFoundException e) {
        String found = "JDKs found: " + describe(e.jdksFound()) + ".";
        if (settings.javaHome() != null) {
            return new TwinSettingsException(settings.id(), property(settings, "java-home"), settings.javaHome(),
                    e.getMessage(), "Set it to the top folder of a JDK (the one holding bin/java and release), "
                    + "or use java-version instead.", e);
        }
        return new TwinSettingsException(settings.id(), property(settings, "java-version"), settings.javaVersion(),
                "no installed JDK has Java " + settings.javaVersion() + ". " + found,
                "Install a JDK " + settings.javaVersion() + ", choose a version found, set java-home to a JDK "
                + "folder, or set java-version-fallback: current to run the twin on the master's JDK.", e);
    }

    private static String property(TwinSettings settings, String key) {
        return settings.jdkSource() + "." + key;
    }

    static String describe(List<JdkInfo> jdks) {
        return jdks.isEmpty() ? "none" : jdks.stream().map(JdkInfo::toString).collect(Collectors.joining("; "));
    }
}
