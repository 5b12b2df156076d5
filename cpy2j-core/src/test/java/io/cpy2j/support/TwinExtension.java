package io.cpy2j.support;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinMasterBuilder;
import io.cpy2j.internal.launch.JdkInstallation;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One twin on the twin JDK (another than the master's, see {@link TestJdks}) for a whole test class,
 * started before its first test and closed after its last:
 * {@code @RegisterExtension static final TwinExtension TWIN = new TwinExtension("jdk25");}. Skips the
 * class, saying why, when no other JDK is installed.
 */
public final class TwinExtension implements BeforeAllCallback, AfterAllCallback {

    private final String id;
    private final UnaryOperator<TwinMasterBuilder> settings;
    private TwinMaster master;

    public TwinExtension(String id) {
        this(id, UnaryOperator.identity());
    }

    public TwinExtension(String id, UnaryOperator<TwinMasterBuilder> settings) {
        this.id = id;
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        JdkInstallation jdk = TestJdks.requireTwinJdk();
        master = settings.apply(TwinMaster.builder(id).javaVersion(jdk.featureVersion())).build().start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (master != null) {
            master.close();
        }
    }

    public TwinMaster master() {
        return master;
    }
}
