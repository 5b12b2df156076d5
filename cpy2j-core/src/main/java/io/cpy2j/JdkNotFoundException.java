package io.cpy2j;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * No usable JDK for a twin: no installed JDK has the asked version, or the given {@code javaHome} is
 * not a JDK. The message says why and lists the JDKs found; the same facts are available as data (for
 * a Spring Boot {@code FailureAnalyzer}, say).
 */
public class JdkNotFoundException extends TwinStartupException {

    private static final long serialVersionUID = 1L;

    private final Integer javaVersion;
    /** Transient: {@link Path} is not serializable; a copy in another runtime keeps only the message. */
    private final transient Path javaHome;
    private final transient List<JdkInfo> jdksFound;

    /** Kept so that an exception sent from another runtime can be rebuilt from its message. */
    public JdkNotFoundException(String message) {
        this(message, null, null, List.of());
    }

    /**
     * @param javaVersion the feature version asked for, or null
     * @param javaHome    the JDK folder asked for, or null
     * @param jdksFound   the JDKs that discovery found
     */
    public JdkNotFoundException(String message, Integer javaVersion, Path javaHome, List<JdkInfo> jdksFound) {
        super(message);
        this.javaVersion = javaVersion;
        this.javaHome = javaHome;
        this.jdksFound = List.copyOf(jdksFound);
    }

    /** The feature version asked for ({@code javaVersion(25)}), empty when a folder was asked for. */
    public OptionalInt javaVersion() {
        return javaVersion == null ? OptionalInt.empty() : OptionalInt.of(javaVersion);
    }

    /** The folder asked for ({@code javaHome(path)}), empty when a version was asked for. */
    public Optional<Path> javaHome() {
        return Optional.ofNullable(javaHome);
    }

    /** The JDKs installed where cpy2j looks, newest first; empty in a copy from another runtime. */
    public List<JdkInfo> jdksFound() {
        return jdksFound == null ? List.of() : jdksFound;
    }
}
