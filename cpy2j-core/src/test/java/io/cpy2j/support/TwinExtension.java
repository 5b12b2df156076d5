package io.cpy2j.support;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinMasterBuilder;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Java 25 twin for a whole test class, started before its first test and closed after its last:
 * {@code @RegisterExtension static final TwinExtension JDK25 = new TwinExtension("jdk25");}. Skips the
 * class, saying why, when no JDK 25 is installed.
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
        TestJdks.requireTwinJdk();
        master = settings.apply(TwinMaster.builder(id).javaVersion(TestJdks.TWIN_VERSION)).build().start();
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
