package io.cpy2j.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinBootstrap;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.loader.launch.LaunchedClassLoader;

/** The command line each bootstrap makes, and how a Spring Boot jar is recognised. */
class TwinBootstrapTest {

    private static final String PID = "4242";

    @TempDir
    Path folder;

    @Test
    void aClasspathBootstrapRunsTwinMainWithTheExtraEntriesFirst() {
        TwinSpec spec = spec(TwinBootstrap.classpath(List.of("a.jar", "", "b.jar")), List.of("extra"), Map.of());
        List<String> command = TwinCommandLine.build(spec, Long.parseLong(PID), List.of());
        assertThat(command).containsSequence("-cp", String.join(File.pathSeparator, "extra", "a.jar", "b.jar"),
                TwinBootstrap.TWIN_MAIN_CLASS, "t", PID, "1024");
        assertThat(command).noneMatch(arg -> arg.startsWith("-Dloader."));
    }

    @Test
    void aSpringBootJarRunsPropertiesLauncherWithTheExtraEntriesInLoaderPath() {
        Path app = folder.resolve("app.jar");
        TwinSpec spec = spec(TwinBootstrap.springBootJar(app), List.of("x", "y"),
                Map.of("loader.path", "z", "loader.main", "com.example.Other"));
        List<String> command = TwinCommandLine.build(spec, Long.parseLong(PID), List.of());
        assertThat(command).containsSequence("-cp", app.toString(), SpringBootLayout.PROPERTIES_LAUNCHER, "t", PID);
        assertThat(command).as("the extra entries, then the user's own loader.path")
                .containsOnlyOnce("-Dloader.path=x,y,z");
        assertThat(command).as("the launcher's main class comes after the user's, so it wins")
                .containsSubsequence("-Dloader.main=com.example.Other", "-Dloader.main=" + TwinBootstrap.TWIN_MAIN_CLASS);
        assertThat(TwinCommandLine.classpath(spec)).as("what Class Data Sharing archives").isEqualTo(app.toString());
    }

    @Test
    void aCustomLauncherGetsItsArgumentsBeforeTheClasspath() {
        TwinBootstrap custom = new TwinBootstrap("com.example.Launcher", List.of("launcher.jar"),
                List.of("-Dlauncher.target=" + TwinBootstrap.TWIN_MAIN_CLASS), null);
        List<String> command = TwinCommandLine.build(spec(custom, List.of(), Map.of()), 1, List.of());
        assertThat(command).containsSequence("-Dlauncher.target=" + TwinBootstrap.TWIN_MAIN_CLASS, "-cp", "launcher.jar",
                "com.example.Launcher", "t", "1");
    }

    @Test
    void inAnIdeOrMavenClasspathTheTwinGetsTheMastersClasspath() {
        TwinBootstrap detected = TwinBootstrap.detect();
        assertThat(detected.mainClass()).isEqualTo(TwinBootstrap.TWIN_MAIN_CLASS);
        assertThat(detected.classpath())
                .containsExactlyElementsOf(Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)));
        assertThat(detected.extraClasspathProperty()).isNull();
    }

    @Test
    void aRepackagedJarIsRecognisedByItsManifestOrItsBootInfFolder() throws IOException {
        Manifest boot = manifest("org.springframework.boot.loader.launch.JarLauncher");
        boot.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        assertThat(SpringBootLayout.isRepackagedJar(jar("boot.jar", boot))).isTrue();
        assertThat(SpringBootLayout.isRepackagedJar(jar("launcher.jar",
                manifest("org.springframework.boot.loader.launch.PropertiesLauncher")))).isTrue();
        assertThat(SpringBootLayout.isRepackagedJar(jar("layout.jar", manifest("com.example.Main"),
                "BOOT-INF/lib/library.jar"))).as("no folder entries, only a nested library").isTrue();
        assertThat(SpringBootLayout.isRepackagedJar(jar("plain.jar", manifest("com.example.Main"),
                "com/example/Main.class"))).isFalse();
        assertThat(SpringBootLayout.isRepackagedJar(folder)).isFalse();
        assertThat(SpringBootLayout.isRepackagedJar(Files.writeString(folder.resolve("text.jar"), "not a zip"))).isFalse();
    }

    @Test
    void theMasterIsLaunchedFromABootJarOnlyWhenItIsTheSingleClasspathEntry() throws IOException {
        Path boot = jar("app.jar", manifest("org.springframework.boot.loader.launch.JarLauncher"));
        Path plain = jar("plain.jar", manifest("com.example.Main"));
        ClassLoader ordinary = getClass().getClassLoader();
        assertThat(SpringBootLayout.launchedFrom(boot.toString(), ordinary)).contains(boot);
        assertThat(SpringBootLayout.launchedFrom(Path.of("").toAbsolutePath().relativize(boot).toString(), ordinary))
                .as("a relative entry (java -jar app.jar) becomes absolute: the twin may run in another folder")
                .hasValueSatisfying(path -> assertThat(path).isAbsolute());
        assertThat(SpringBootLayout.launchedFrom(plain.toString(), ordinary)).isEmpty();
        assertThat(SpringBootLayout.launchedFrom(boot + File.pathSeparator + plain, ordinary)).isEmpty();
        assertThat(SpringBootLayout.launchedFrom("", ordinary)).isEmpty();
    }

    @Test
    void anUnpackedBootJarIsRecognisedByBootsClassLoader() throws IOException {
        Path unpacked = Files.createDirectories(folder.resolve("unpacked"));
        try (LaunchedClassLoader boot = new LaunchedClassLoader(true, new URL[0], null);
             URLClassLoader child = new URLClassLoader(new URL[0], boot)) {
            assertThat(SpringBootLayout.launchedFrom(unpacked.toString(), child)).contains(unpacked);
        }
        assertThat(SpringBootLayout.launchedFrom(unpacked.toString(), getClass().getClassLoader())).isEmpty();
    }

    private static Manifest manifest(String mainClass) {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        return manifest;
    }

    private Path jar(String name, Manifest manifest, String... entries) throws IOException {
        Path jar = folder.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (String entry : entries) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        return jar;
    }

    private TwinSpec spec(TwinBootstrap bootstrap, List<String> extra, Map<String, String> properties) {
        JdkInstallation jdk = new JdkInstallation(folder, 17, "17.0.1", "Test");
        return new TwinSpec("t", jdk, List.of(), properties, Map.of(), null, extra, bootstrap, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1024, false);
    }
}
