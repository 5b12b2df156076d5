package io.cpy2j.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpy2j.internal.launch.JdkDiscovery;
import io.cpy2j.internal.launch.JdkInstallation;
import java.util.Optional;

/**
 * The JDKs the tests run twins on, relative to the master's and found by cpy2j's own discovery, never by
 * a hard-coded path or version, so the suite means the same whether the master runs on JDK 17 or 25.
 * "The twin JDK" is another JDK than the master's: the newest one found whose feature version differs (on
 * a 17 master the 25, on a 25 master the 17). Twin ids such as "jdk25" in the tests are only names.
 */
public final class TestJdks {

    /** The feature version of the JDK running the master (this test JVM). */
    public static final int MASTER_VERSION = Runtime.version().feature();

    /**
     * The feature version of the twin JDK, another than the master's; 0 when none is installed, so a test
     * that asks for it without {@link #requireTwinJdk()} fails with cpy2j's "no such JDK" message.
     */
    public static final int TWIN_VERSION = otherJdk().map(JdkInstallation::featureVersion).orElse(0);

    private TestJdks() {
    }

    public static Optional<JdkInstallation> find(int version) {
        return JdkDiscovery.standard().all().stream().filter(jdk -> jdk.featureVersion() == version).findFirst();
    }

    /** The newest installed JDK whose feature version is not the master's. */
    public static Optional<JdkInstallation> otherJdk() {
        // all() lists the newest first
        return JdkDiscovery.standard().all().stream().filter(jdk -> jdk.featureVersion() != MASTER_VERSION)
                .findFirst();
    }

    /** The twin JDK, another than the master's; skips the calling test, saying why, when there is none. */
    public static JdkInstallation requireTwinJdk() {
        Optional<JdkInstallation> jdk = otherJdk();
        assumeTrue(jdk.isPresent(), () -> skipReason("a second JDK (any version but the master's "
                + MASTER_VERSION + ")"));
        return jdk.get();
    }

    private static String skipReason(String needed) {
        String reason = "skipped: needs " + needed + "; discovery found only " + JdkDiscovery.standard().all();
        // Surefire's console summary counts skipped tests without their reasons: print it so the log says why
        System.out.println("[cpy2j test] " + reason);
        return reason;
    }
}
