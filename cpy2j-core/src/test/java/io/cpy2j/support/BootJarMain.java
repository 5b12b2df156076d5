package io.cpy2j.support;

import io.cpy2j.TwinBootstrap;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinMasterBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * The application inside the repackaged jar that {@link BootJar} builds (its Start-Class), run with
 * {@code java -jar}. Arguments: twin id, a folder for the twin's extra classpath, and optionally the
 * twin's JDK. Prints what the test checks, one fact a line, then stops its twin and exits.
 */
public final class BootJarMain {

    /** A resource in the jar's BOOT-INF/classes, and another version of it in the twin's extra folder. */
    public static final String PROBE = "cpy2j-probe.txt";

    private BootJarMain() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("BOOTSTRAP " + TwinBootstrap.detect());
        System.out.println("MASTER_LOADER " + loaderOfCpy2j());
        TwinMasterBuilder builder = TwinMaster.builder(args[0]).classpath(args[1])
                .startupTimeout(Duration.ofSeconds(60));
        if (args.length > 2) {
            builder.javaHome(Paths.get(args[2]));
        }
        try (TwinMaster twin = builder.build().start()) {
            System.out.println("TWIN_PID " + twin.pid().getAsLong());
            System.out.println("CALLED " + twin.execute(BootJarMain::sum, 10L));
            System.out.println("TWIN_LOADER " + twin.execute(BootJarMain::loaderOfCpy2j));
            System.out.println("TWIN_PROBE " + twin.execute(BootJarMain::probe));
            System.out.println("MASTER_PROBE " + probe());
            System.out.println("TWIN_ARGS " + twin.execute(BootJarMain::jvmArgs));
            System.out.println("TWIN_JAVA " + twin.execute(() -> System.getProperty("java.version")));
        }
        System.out.println("DONE");
    }

    /** A method of a class only the jar's BOOT-INF/classes holds: the twin must load it through Boot. */
    static long sum(long n) {
        return n * (n + 1) / 2;
    }

    static String loaderOfCpy2j() {
        return TwinMaster.class.getClassLoader().getClass().getName();
    }

    static String probe() throws IOException {
        try (InputStream in = BootJarMain.class.getClassLoader().getResourceAsStream(PROBE)) {
            return in == null ? "none" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    static String jvmArgs() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
