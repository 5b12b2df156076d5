package io.cpy2j;

import io.cpy2j.internal.launch.SpringBootLayout;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a twin JVM reaches cpy2j's twin entry point: the main class it runs, its class path, and the
 * arguments a launcher needs. The twin's own arguments (its id, the master's pid, the frame size) always
 * follow the main class, so a launcher must pass them on to {@link #TWIN_MAIN_CLASS}.
 *
 * <p>By default ({@link #detect()}) a twin starts like its master: with the master's class path, or,
 * when the master runs from a repackaged Spring Boot jar, through Boot's {@code PropertiesLauncher} from
 * that jar. Other packagings set their own with {@link TwinMasterBuilder#bootstrap(TwinBootstrap)}.
 *
 * @param mainClass             the class the JVM runs
 * @param classpath             the JVM's {@code -cp} entries
 * @param launcherArgs          JVM options the launcher needs, placed after the twin's own options and
 *                              before {@code -cp} (for Boot: {@code -Dloader.main=...})
 * @param extraClasspathProperty where the twin's extra entries ({@link TwinMasterBuilder#classpath(String...)})
 *                              go: null puts them before {@code classpath}; a property name (Boot's
 *                              {@code loader.path}) passes them comma-separated in that system property
 */
public record TwinBootstrap(String mainClass, List<String> classpath, List<String> launcherArgs,
                            String extraClasspathProperty) {

    /** The twin's entry point in cpy2j-core; a launcher must end up running it. */
    public static final String TWIN_MAIN_CLASS = "io.cpy2j.internal.twin.TwinMain";

    public TwinBootstrap {
        Objects.requireNonNull(mainClass, "mainClass");
        classpath = List.copyOf(classpath);
        launcherArgs = List.copyOf(launcherArgs);
    }

    /**
     * How this JVM was launched: from a repackaged Spring Boot jar (its single class-path entry is one, or
     * cpy2j-core was loaded by Boot's {@code LaunchedClassLoader}), then {@link #springBootJar}; otherwise
     * this JVM's own class path ({@code java.class.path}).
     */
    public static TwinBootstrap detect() {
        String javaClassPath = System.getProperty("java.class.path", "");
        return SpringBootLayout.launchedFrom(javaClassPath, TwinBootstrap.class.getClassLoader())
                .map(TwinBootstrap::springBootJar)
                .orElseGet(() -> classpath(Arrays.asList(javaClassPath.split(File.pathSeparator))));
    }

    /** {@code java -cp <entries> TwinMain}: the entries must hold cpy2j-core and its dependencies. */
    public static TwinBootstrap classpath(List<String> entries) {
        List<String> nonEmpty = entries.stream().filter(entry -> !entry.isEmpty()).toList();
        return new TwinBootstrap(TWIN_MAIN_CLASS, nonEmpty, List.of(), null);
    }

    /**
     * {@code java -Dloader.main=TwinMain -cp <jar> org.springframework.boot.loader.launch.PropertiesLauncher}:
     * the twin's classes and libraries are read from the jar's {@code BOOT-INF/} by Boot's class loader,
     * as the master's are. The twin's extra entries go to {@code -Dloader.path}, which Boot searches first.
     */
    public static TwinBootstrap springBootJar(Path jar) {
        return new TwinBootstrap(SpringBootLayout.PROPERTIES_LAUNCHER, List.of(jar.toAbsolutePath().toString()),
                List.of("-Dloader.main=" + TWIN_MAIN_CLASS), SpringBootLayout.LOADER_PATH);
    }
}
