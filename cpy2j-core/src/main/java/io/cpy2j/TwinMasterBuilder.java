package io.cpy2j;

import io.cpy2j.internal.launch.JdkDiscovery;
import io.cpy2j.internal.launch.JdkInstallation;
import io.cpy2j.internal.launch.TwinSpec;
import io.cpy2j.internal.protocol.Protocol;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Settings of one twin; {@link #build()} resolves the JDK and registers the {@link TwinMaster}. */
public final class TwinMasterBuilder {

    /** A restricted twin's default limit of calls in flight to the master. */
    static final int RESTRICTED_MAX_CALLS = 256;
    /**
     * A restricted twin's default frame limit: what the master may hold for it is up to about
     * maxCallsInFlight frames at once, and a parser's results seldom need more.
     */
    static final int RESTRICTED_MAX_FRAME_SIZE = 16 * 1024 * 1024;

    private final String id;
    private Path javaHome;
    private Integer javaVersion;
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path workingDirectory;
    private final List<String> classpathPrepend = new ArrayList<>();
    /** Null: {@link TwinBootstrap#detect()} at {@link #build()}. */
    private TwinBootstrap bootstrap;
    private Duration startupTimeout = Duration.ofSeconds(30);
    private Duration shutdownTimeout = Duration.ofSeconds(10);
    /** Null: 256 MiB for a fully trusted twin, {@link #RESTRICTED_MAX_FRAME_SIZE} for a restricted one. */
    private Integer maxFrameSize;
    private boolean classDataSharing = true;
    private Duration callTimeout = Duration.ZERO;
    private RestartPolicy restartPolicy = RestartPolicy.never();
    private boolean shutdownHook = true;
    private TwinTrust trust = TwinTrust.FULL;
    private final List<String> trustedPackages = new ArrayList<>();
    /** Null: no limit for a fully trusted twin, {@link #RESTRICTED_MAX_CALLS} for a restricted one. */
    private Integer maxCallsInFlight;
    private final List<TwinListener> listeners = new ArrayList<>();
    private final List<TwinCallObserver> observers = new ArrayList<>();

    TwinMasterBuilder(String id) {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*") || id.equals(Twins.MASTER_ID)) {
            throw new IllegalArgumentException("twin id '" + id + "' is not allowed: use letters, digits, '_', '.', '-' "
                    + "(and not '" + Twins.MASTER_ID + "')");
        }
        this.id = id;
    }

    /** The JDK to run the twin on, by its top folder. Default: the master's own JDK. */
    public TwinMasterBuilder javaHome(Path home) {
        this.javaHome = Objects.requireNonNull(home);
        return this;
    }

    /** The JDK to run the twin on, by feature version (17, 21, 25), found among the installed JDKs. */
    public TwinMasterBuilder javaVersion(int featureVersion) {
        this.javaVersion = featureVersion;
        return this;
    }

    public TwinMasterBuilder jvmArgs(String... args) {
        jvmArgs.addAll(Arrays.asList(args));
        return this;
    }

    public TwinMasterBuilder jvmArgs(List<String> args) {
        jvmArgs.addAll(args);
        return this;
    }

    public TwinMasterBuilder systemProperty(String key, String value) {
        systemProperties.put(key, value);
        return this;
    }

    public TwinMasterBuilder systemProperties(Map<String, String> properties) {
        systemProperties.putAll(properties);
        return this;
    }

    /** Environment variables added to (or replacing) the master's, which the twin inherits. */
    public TwinMasterBuilder environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public TwinMasterBuilder environment(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    public TwinMasterBuilder workingDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /**
     * Entries whose classes win over the master's (another version of a library): put before the
     * class path, or into {@code -Dloader.path} when the twin starts from a Spring Boot jar.
     */
    public TwinMasterBuilder classpath(String... entries) {
        classpathPrepend.addAll(Arrays.asList(entries));
        return this;
    }

    public TwinMasterBuilder classpath(List<String> entries) {
        classpathPrepend.addAll(entries);
        return this;
    }

    /**
     * Replaces the inherited classpath altogether: {@code bootstrap(TwinBootstrap.classpath(entries))}.
     * The twin then needs cpy2j-core and its dependencies among {@code entries}.
     */
    public TwinMasterBuilder replaceClasspath(List<String> entries) {
        return bootstrap(TwinBootstrap.classpath(entries));
    }

    /**
     * How the twin JVM is launched: main class, class path, launcher arguments. Default
     * {@link TwinBootstrap#detect()}: like the master, from its class path or its Spring Boot jar.
     */
    public TwinMasterBuilder bootstrap(TwinBootstrap bootstrap) {
        this.bootstrap = Objects.requireNonNull(bootstrap);
        return this;
    }

    /** How long the twin may take from launch to its handshake. Default 30 s. */
    public TwinMasterBuilder startupTimeout(Duration timeout) {
        this.startupTimeout = positive(timeout, "startupTimeout");
        return this;
    }

    /** How long {@code stop()} waits for the twin to exit before killing it. Default 10 s. */
    public TwinMasterBuilder shutdownTimeout(Duration timeout) {
        this.shutdownTimeout = positive(timeout, "shutdownTimeout");
        return this;
    }

    /**
     * The largest frame on the channel, and so the largest value one call can carry. Default 256 MiB for a
     * fully trusted twin, 16 MiB for a restricted one.
     */
    public TwinMasterBuilder maxFrameSize(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("maxFrameSize must be at least 1024 bytes, was " + bytes);
        }
        this.maxFrameSize = bytes;
        return this;
    }

    /**
     * Class Data Sharing: the twin's first start records the classes it loads in an archive under
     * {@code ~/.cache/cpy2j/cds}, and later starts map it (faster start-up). Used only when the twin's
     * classpath is made of jars. Default on.
     */
    public TwinMasterBuilder classDataSharing(boolean enabled) {
        this.classDataSharing = enabled;
        return this;
    }

    /**
     * How long a call waits for its answer before it fails with {@link TwinTimeoutException} (the twin
     * may go on running it; its reply is dropped). Calls made while the twin restarts wait up to this long
     * for it. Default: no limit. A call with a timeout is read for by a helper thread rather than by the
     * caller itself, which costs a thread hand-off (a few microseconds) per call.
     */
    public TwinMasterBuilder callTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            throw new IllegalArgumentException("callTimeout must not be negative, was " + timeout + "; zero means none");
        }
        this.callTimeout = timeout;
        return this;
    }

    /** What to do when the twin dies on its own. Default {@link RestartPolicy#never()}. */
    public TwinMasterBuilder restartPolicy(RestartPolicy policy) {
        this.restartPolicy = Objects.requireNonNull(policy, "restartPolicy");
        return this;
    }

    /** Receives the twin's life events, from its first start on. */
    public TwinMasterBuilder listener(TwinListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Observes every call between the master and this twin, both ways (see {@link TwinCallObserver}). */
    public TwinMasterBuilder callObserver(TwinCallObserver observer) {
        observers.add(Objects.requireNonNull(observer, "observer"));
        return this;
    }

    /**
     * Call headers the twin puts into its SLF4J MDC while it serves a call that carries them (a trace id
     * set by a {@link TwinCallObserver}), so the lines it logs meanwhile show them. Passed to the twin as
     * the system property {@code cpy2j.mdc}.
     */
    public TwinMasterBuilder mdcHeaders(String... names) {
        return systemProperty("cpy2j.mdc", String.join(",", names));
    }

    /**
     * Whether the JVM's shutdown hook stops this twin (default on). A container that manages the
     * master's life itself (a Spring context) turns it off and stops the twin when it closes.
     */
    public TwinMasterBuilder shutdownHook(boolean enabled) {
        this.shutdownHook = enabled;
        return this;
    }

    /**
     * How far the master trusts what this twin sends: {@link TwinTrust#FULL} (the default) or
     * {@link TwinTrust#RESTRICTED} for a twin that handles untrusted input; see {@link TwinTrust}.
     */
    public TwinMasterBuilder trust(TwinTrust trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
        return this;
    }

    /**
     * Packages (with their subpackages) whose classes a {@link TwinTrust#RESTRICTED} twin may send as
     * values, records, exceptions rebuilt with their own type, or proxies of its objects, besides JDK
     * value types; {@code "*"} for any class. Only for restricted twins.
     */
    public TwinMasterBuilder trustedPackages(String... packages) {
        return trustedPackages(Arrays.asList(packages));
    }

    public TwinMasterBuilder trustedPackages(List<String> packages) {
        for (String name : packages) {
            if (name == null || !(name.equals("*") || name.matches("\\p{javaJavaIdentifierStart}"
                    + "\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*"))) {
                throw new IllegalArgumentException("twin '" + id + "': trusted package '" + name + "' is not a package "
                        + "name (like com.example.parser) or \"*\"");
            }
            trustedPackages.add(name);
        }
        return this;
    }

    /**
     * How many of the twin's calls to the master (on objects the master gave it) are served at once; one
     * more loses the connection and kills the twin, as a flood. Default: no limit for a fully trusted
     * twin, 256 for a restricted one. Callbacks the master's own calls wait for do not count.
     */
    public TwinMasterBuilder maxCallsInFlight(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxCallsInFlight must be at least 1, was " + max);
        }
        this.maxCallsInFlight = max;
        return this;
    }

    /** Resolves the JDK (failing here if there is none) and registers the master for this twin id. */
    public TwinMaster build() {
        return TwinMaster.register(new TwinMaster(settings(), listeners, observers));
    }

    /**
     * Like {@link #build()}, but shares the master when one for this twin id already exists with the
     * same settings (two owners in one JVM, such as two cached Spring test contexts), counting its
     * owners: the twin stops when the last of them calls {@code close()}. Fails with a message naming
     * the difference when the settings differ. Listeners given here are added to the shared master.
     */
    public TwinMaster acquire() {
        return TwinMaster.acquire(new TwinMaster(settings(), listeners, observers), listeners, observers);
    }

    private TwinMaster.Settings settings() {
        TwinSpec spec = new TwinSpec(id, resolveJdk(), jvmArgs, systemProperties, environment, workingDirectory,
                classpathPrepend, bootstrap != null ? bootstrap : TwinBootstrap.detect(), startupTimeout,
                shutdownTimeout, maxFrameSize(), classDataSharing, trust, trustedPackages, maxCallsInFlight());
        return new TwinMaster.Settings(spec, callTimeout, restartPolicy, shutdownHook);
    }

    private int maxFrameSize() {
        if (maxFrameSize != null) {
            return maxFrameSize;
        }
        return trust == TwinTrust.RESTRICTED ? RESTRICTED_MAX_FRAME_SIZE : Protocol.DEFAULT_MAX_FRAME_SIZE;
    }

    private int maxCallsInFlight() {
        if (trust == TwinTrust.FULL && !trustedPackages.isEmpty()) {
            throw new IllegalArgumentException("twin '" + id + "': trustedPackages apply only to a twin with "
                    + "trust(TwinTrust.RESTRICTED); a fully trusted twin may send any class already");
        }
        if (maxCallsInFlight != null) {
            return maxCallsInFlight;
        }
        return trust == TwinTrust.RESTRICTED ? RESTRICTED_MAX_CALLS : 0;
    }

    private JdkInstallation resolveJdk() {
        if (javaHome != null && javaVersion != null) {
            throw new IllegalArgumentException("twin '" + id + "': give javaHome or javaVersion, not both");
        }
        if (javaHome != null) {
            return JdkDiscovery.at(javaHome);
        }
        if (javaVersion != null) {
            return JdkDiscovery.standard().find(javaVersion);
        }
        return JdkDiscovery.at(Paths.get(System.getProperty("java.home")));
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
