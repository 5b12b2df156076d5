package io.cpy2j.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Recognises a master launched from a repackaged Spring Boot jar ({@code java -jar app.jar}), where
 * cpy2j-core sits in {@code BOOT-INF/lib} and only Boot's class loader can read it. Works by names
 * only: cpy2j-core does not depend on Spring.
 */
public final class SpringBootLayout {

    /** Boot's launcher that runs any main class ({@code loader.main}) from the jar it was started from. */
    public static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    /** Extra class path entries for {@link #PROPERTIES_LAUNCHER}; searched before the jar's own. */
    public static final String LOADER_PATH = "loader.path";

    static final String LAUNCHED_CLASS_LOADER = "org.springframework.boot.loader.launch.LaunchedClassLoader";
    private static final String LOADER_PACKAGE = "org.springframework.boot.loader.";

    private SpringBootLayout() {
    }

    /**
     * The jar (or unpacked jar folder) this JVM was launched from by Spring Boot's loader, if it was:
     * the single class-path entry is a repackaged jar, or {@code loader} (the one that loaded cpy2j-core)
     * is Boot's. Empty for an IDE, {@code mvn} or plain-jar class path.
     */
    public static Optional<Path> launchedFrom(String javaClassPath, ClassLoader loader) {
        if (javaClassPath.isEmpty() || javaClassPath.contains(File.pathSeparator)) {
            return Optional.empty(); // Boot's launchers run from one archive
        }
        Path entry = Paths.get(javaClassPath).toAbsolutePath();
        if (isRepackagedJar(entry) || loadedByBoot(loader)) {
            return Optional.of(entry);
        }
        return Optional.empty();
    }

    /** Boot writes its loader as Main-Class and the BOOT-INF folders; either says the jar is repackaged. */
    static boolean isRepackagedJar(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (JarFile jar = new JarFile(file.toFile())) {
            // Names only, from the central directory already in memory; a jar need not list its folders.
            return bootManifest(jar.getManifest()) || jar.stream().anyMatch(e -> e.getName().startsWith("BOOT-INF/"));
        } catch (IOException e) {
            return false; // not a jar at all
        }
    }

    private static boolean bootManifest(Manifest manifest) {
        if (manifest == null) {
            return false;
        }
        Attributes main = manifest.getMainAttributes();
        String mainClass = main.getValue(Attributes.Name.MAIN_CLASS);
        return main.getValue("Spring-Boot-Classes") != null || main.getValue("Spring-Boot-Lib") != null
                || (mainClass != null && mainClass.startsWith(LOADER_PACKAGE));
    }

    /** An unpacked repackaged jar ({@code java -cp app/ JarLauncher}) shows only in the class loader. */
    static boolean loadedByBoot(ClassLoader loader) {
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (current.getClass().getName().equals(LAUNCHED_CLASS_LOADER)) {
                return true;
            }
        }
        return false;
    }
}
