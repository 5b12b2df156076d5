package io.cpy2j.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cpy2j.internal.launch.JdkDiscovery;
import io.cpy2j.internal.launch.JdkInstallation;
import java.util.Optional;

/** The JDKs the tests run twins on, found by cpy2j's own discovery, never by a hard-coded path. */
public final class TestJdks {

    /** The newer JDK the twins run on; CI here always has a Temurin 25. */
    public static final int TWIN_VERSION = 25;

    private TestJdks() {
    }

    public static Optional<JdkInstallation> find(int version) {
        return JdkDiscovery.standard().all().stream().filter(jdk -> jdk.featureVersion() == version).findFirst();
    }

    /** Skips the calling test, saying why, when no JDK 25 is installed. */
    public static JdkInstallation requireTwinJdk() {
        Optional<JdkInstallation> jdk = find(TWIN_VERSION);
        assumeTrue(jdk.isPresent(), "skipped: needs a second JDK (Java " + TWIN_VERSION + ") and discovery found none: "
                + JdkDiscovery.standard().all());
        return jdk.get();
    }
}
