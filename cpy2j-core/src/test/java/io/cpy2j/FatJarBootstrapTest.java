package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.internal.launch.JdkInstallation;
import io.cpy2j.support.BootJar;
import io.cpy2j.support.BootJarMain;
import io.cpy2j.support.ChildMaster;
import io.cpy2j.support.TestJdks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A master run as {@code java -jar} of a repackaged Spring Boot jar, where cpy2j-core sits in
 * {@code BOOT-INF/lib}, starts its twin through Boot's PropertiesLauncher: the twin loads cpy2j and the
 * application's classes from the jar, its extra classpath wins over the jar's, and Class Data Sharing
 * records and maps an archive for it.
 */
class FatJarBootstrapTest {

    private static final String LAUNCHED_CLASS_LOADER = "org.springframework.boot.loader.launch.LaunchedClassLoader";
    /** What BootJarMain prints, in order; each line is "<KEY> <value>". */
    private static final List<String> KEYS = List.of("BOOTSTRAP", "MASTER_LOADER", "TWIN_PID", "CALLED", "TWIN_LOADER",
            "TWIN_PROBE", "MASTER_PROBE", "TWIN_ARGS", "TWIN_JAVA", "DONE");

    @TempDir
    static Path folder;
    static Path jar;
    static Path extra;

    @BeforeAll
    static void buildJar() throws Exception {
        extra = Files.createDirectories(folder.resolve("extra"));
        Files.writeString(extra.resolve(BootJarMain.PROBE), "from the twin's extra classpath");
        jar = BootJar.build(folder.resolve("app.jar"), BootJarMain.class, Map.of(BootJarMain.PROBE, "from the jar"));
    }

    @Test
    @Timeout(180)
    void aTwinOfARepackagedJarAnswersAndItsSecondStartMapsTheArchiveOfTheFirst() throws Exception {
        Path home = Files.createDirectories(folder.resolve("home-same"));
        Map<String, String> first = runJar(home, "boot-twin", Optional.empty());
        assertStartedThroughBoot(first);
        assertThat(first.get("TWIN_JAVA")).isEqualTo(System.getProperty("java.version"));
        assertThat(first.get("TWIN_ARGS")).containsAnyOf("-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=");

        Map<String, String> second = runJar(home, "boot-twin", Optional.empty());
        assertThat(second.get("CALLED")).isEqualTo("55");
        Path cds = home.resolve(".cache/cpy2j/cds");
        assertThat(second.get("TWIN_ARGS")).as("the second start maps the archive the first one recorded")
                .contains("-XX:SharedArchiveFile=" + cds);
        try (Stream<Path> archives = Files.list(cds)) {
            assertThat(archives.map(Path::toString)).anyMatch(name -> name.endsWith(".jsa"));
        }
    }

    @Test
    @Timeout(180)
    void aTwinOfARepackagedJarAnswersOnAnotherJdk() throws Exception {
        JdkInstallation other = TestJdks.requireTwinJdk();
        Path home = Files.createDirectories(folder.resolve("home-other"));
        Map<String, String> lines = runJar(home, "boot-other", Optional.of(other.home()));
        assertStartedThroughBoot(lines);
        assertThat(lines.get("TWIN_JAVA")).isEqualTo(other.version());
    }

    private static void assertStartedThroughBoot(Map<String, String> lines) {
        assertThat(lines.get("BOOTSTRAP")).as("detected in the master")
                .contains("mainClass=org.springframework.boot.loader.launch.PropertiesLauncher")
                .contains("classpath=[" + jar + "]");
        assertThat(lines.get("MASTER_LOADER")).isEqualTo(LAUNCHED_CLASS_LOADER);
        assertThat(lines.get("CALLED")).isEqualTo("55");
        assertThat(lines.get("TWIN_LOADER")).as("cpy2j in the twin comes from BOOT-INF/lib")
                .isEqualTo(LAUNCHED_CLASS_LOADER);
        assertThat(lines.get("TWIN_ARGS")).contains("-Dloader.main=" + TwinBootstrap.TWIN_MAIN_CLASS)
                .contains("-Dloader.path=" + extra);
        assertThat(lines.get("TWIN_PROBE")).as("loader.path wins over BOOT-INF/classes")
                .isEqualTo("from the twin's extra classpath");
        assertThat(lines.get("MASTER_PROBE")).isEqualTo("from the jar");
    }

    /** Runs {@code java -jar app.jar} with its own user.home (so its CDS archives stay in the temp folder). */
    private static Map<String, String> runJar(Path home, String twinId, Optional<Path> twinJavaHome) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", jar.toString(), twinId, extra.toString()));
        twinJavaHome.ifPresent(javaHome -> command.add(javaHome.toString()));
        Map<String, String> lines = new LinkedHashMap<>();
        long twinPid = 0;
        try (ChildMaster master = ChildMaster.run(command, Map.of())) {
            for (String key : KEYS) {
                String line = master.awaitLine(key, 60);
                lines.put(key, line.substring(key.length()).strip());
            }
            twinPid = Long.parseLong(lines.get("TWIN_PID"));
            assertThat(twinPid).isNotEqualTo(master.process().pid());
            assertThat(master.awaitExit()).as("the master's exit status; stderr: %s", master.stderr()).isZero();
        } finally {
            assertGone(twinPid);
        }
        return lines;
    }

    /** The master stopped its twin before it exited; a twin still running is killed, and fails the test. */
    private static void assertGone(long pid) throws Exception {
        Optional<ProcessHandle> twin = ProcessHandle.of(pid);
        if (pid == 0 || twin.isEmpty()) {
            return;
        }
        try {
            twin.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            twin.get().destroyForcibly();
            throw new AssertionError("twin " + pid + " still ran 10 s after its master exited");
        }
    }
}
