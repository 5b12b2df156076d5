package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinTrust;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;

/**
 * The settings of one twin ({@code cpy2j.twins.<id>.*}) or of every twin ({@code cpy2j.defaults.*}).
 * Unset values are {@code null} so that a twin's entry can be told apart from the defaults it inherits;
 * {@link TwinSettings} merges the two and applies cpy2j's own defaults.
 */
public class TwinProperties {

    /** The JDK's top folder. Give this or java-version, not both. Default: the master's own JDK. */
    private Path javaHome;

    /** A feature version (17, 21, 25) found among the installed JDKs. Give this or java-home, not both. */
    private Integer javaVersion;

    /** What to do when no installed JDK has java-version: fail start-up (none) or use the master's JDK with a warning (current). Default none. */
    private JavaVersionFallback javaVersionFallback;

    /** JVM flags of the twin (-Xmx256m, -XX:+UseZGC); added after those of cpy2j.defaults. */
    private List<String> jvmArgs = new ArrayList<>();

    /** System properties of the twin only (-Dkey=value); merged over those of cpy2j.defaults. */
    private Map<String, String> systemProperties = new LinkedHashMap<>();

    /** Environment variables added to those the twin inherits from the master. */
    private Map<String, String> environment = new LinkedHashMap<>();

    /** Entries put before the application's class path in the twin, so their classes win (another version of a library). */
    private List<String> classpath = new ArrayList<>();

    /** The twin's current folder. Default: the master's. */
    private Path workingDirectory;

    /** How long the twin may take from launch to its handshake. Default 30s. */
    private Duration startupTimeout;

    /** How long stopping waits for the twin to exit before killing it. Default 10s. */
    private Duration shutdownTimeout;

    /** How long a call waits for its answer, and for a restarting twin to come back; 0 means no limit. Default 0. */
    private Duration callTimeout;

    /** When the twin starts: with the application, in parallel with the other eager twins (eager), or when one of its @TwinComponent beans is first needed (lazy). Default eager. */
    private AutoStart autoStart;

    /** What to do when the twin dies on its own: nothing (never) or start it again with backoff (on-failure). Default never. */
    private Restart restart;

    /** With restart: on-failure, how many times in the application's life the twin may be restarted. Default 3. */
    private Integer maxRestarts;

    /** With restart: on-failure, the wait before the first restart; it doubles for each next one, up to a minute. Default 1s. */
    private Duration restartBackoff;

    /** The largest message on the channel, so the largest value one call can carry. Default 256MB, 16MB for a restricted twin. */
    private DataSize maxFrameSize;

    /** How far the master trusts what the twin sends: full (it is part of the application) or restricted (it handles untrusted input: it may only call what the master gave it and send JDK values and classes of trusted-packages). Default full. */
    private TwinTrust trust;

    /** With trust: restricted, the packages (with their subpackages) whose classes the twin may send besides JDK value types; added after those of cpy2j.defaults. */
    private List<String> trustedPackages = new ArrayList<>();

    /** How many of the twin's calls to the master may be served at once; one more disconnects it as a flood. Default: no limit with trust full, 256 with trust restricted. */
    private Integer maxCallsInFlight;

    /** Whether a twin on a jar class path records a Class Data Sharing archive and maps it on later starts. Default true. */
    private Boolean classDataSharing;

    /** When a twin starts. */
    public enum AutoStart {
        /** With the application, before the web server, in parallel with the other eager twins. */
        EAGER,
        /** When one of its @TwinComponent beans is first needed, or when the application calls start(). */
        LAZY
    }

    /** What to do when a twin dies on its own. */
    public enum Restart {
        /** Leave it dead: health shows DOWN and calls fail until it is started again. */
        NEVER,
        /** Start it again after restart-backoff, at most max-restarts times. */
        ON_FAILURE
    }

    /** What to do when no installed JDK has the asked java-version. */
    public enum JavaVersionFallback {
        /** Fail start-up, listing the JDKs found. */
        NONE,
        /** Run the twin on the master's own JDK and log a warning. */
        CURRENT
    }

    public Path getJavaHome() {
        return javaHome;
    }

    public void setJavaHome(Path javaHome) {
        this.javaHome = javaHome;
    }

    public Integer getJavaVersion() {
        return javaVersion;
    }

    public void setJavaVersion(Integer javaVersion) {
        this.javaVersion = javaVersion;
    }

    public JavaVersionFallback getJavaVersionFallback() {
        return javaVersionFallback;
    }

    public void setJavaVersionFallback(JavaVersionFallback javaVersionFallback) {
        this.javaVersionFallback = javaVersionFallback;
    }

    public List<String> getJvmArgs() {
        return jvmArgs;
    }

    public void setJvmArgs(List<String> jvmArgs) {
        this.jvmArgs = jvmArgs;
    }

    public Map<String, String> getSystemProperties() {
        return systemProperties;
    }

    public void setSystemProperties(Map<String, String> systemProperties) {
        this.systemProperties = systemProperties;
    }

    public Map<String, String> getEnvironment() {
        return environment;
    }

    public void setEnvironment(Map<String, String> environment) {
        this.environment = environment;
    }

    public List<String> getClasspath() {
        return classpath;
    }

    public void setClasspath(List<String> classpath) {
        this.classpath = classpath;
    }

    public Path getWorkingDirectory() {
        return workingDirectory;
    }

    public void setWorkingDirectory(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    public Duration getStartupTimeout() {
        return startupTimeout;
    }

    public void setStartupTimeout(Duration startupTimeout) {
        this.startupTimeout = startupTimeout;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public AutoStart getAutoStart() {
        return autoStart;
    }

    public void setAutoStart(AutoStart autoStart) {
        this.autoStart = autoStart;
    }

    public Restart getRestart() {
        return restart;
    }

    public void setRestart(Restart restart) {
        this.restart = restart;
    }

    public Integer getMaxRestarts() {
        return maxRestarts;
    }

    public void setMaxRestarts(Integer maxRestarts) {
        this.maxRestarts = maxRestarts;
    }

    public Duration getRestartBackoff() {
        return restartBackoff;
    }

    public void setRestartBackoff(Duration restartBackoff) {
        this.restartBackoff = restartBackoff;
    }

    public TwinTrust getTrust() {
        return trust;
    }

    public void setTrust(TwinTrust trust) {
        this.trust = trust;
    }

    public List<String> getTrustedPackages() {
        return trustedPackages;
    }

    public void setTrustedPackages(List<String> trustedPackages) {
        this.trustedPackages = trustedPackages;
    }

    public Integer getMaxCallsInFlight() {
        return maxCallsInFlight;
    }

    public void setMaxCallsInFlight(Integer maxCallsInFlight) {
        this.maxCallsInFlight = maxCallsInFlight;
    }

    public DataSize getMaxFrameSize() {
        return maxFrameSize;
    }

    public void setMaxFrameSize(DataSize maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    public Boolean getClassDataSharing() {
        return classDataSharing;
    }

    public void setClassDataSharing(Boolean classDataSharing) {
        this.classDataSharing = classDataSharing;
    }
}
