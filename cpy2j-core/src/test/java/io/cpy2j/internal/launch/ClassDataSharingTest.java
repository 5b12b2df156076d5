package io.cpy2j.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    @TempDir
    Path folder;

    @Test
    void java19AndLaterCreateAndUseTheArchiveThemselves() throws Exception {
        String classpath = jars("a.jar", "b.jar");
        List<String> flags = ClassDataSharing.flags(spec(25, List.of(), true), classpath, folder.resolve("cds"));
        assertThat(flags).hasSize(2);
        assertThat(flags.get(0)).isEqualTo("-XX:+AutoCreateSharedArchive");
        assertThat(flags.get(1)).startsWith("-XX:SharedArchiveFile=" + folder.resolve("cds").resolve("twin-"))
                .endsWith(".jsa");
        assertThat(folder.resolve("cds")).isDirectory();
    }

    @Test
    void java17RecordsAtExitFirstAndMapsTheArchiveAfterwards() throws Exception {
        String classpath = jars("a.jar");
        TwinSpec spec = spec(17, List.of(), true);
        List<String> first = ClassDataSharing.flags(spec, classpath, folder);
        assertThat(first).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=");
        Files.createFile(Path.of(first.get(0).substring("-XX:ArchiveClassesAtExit=".length())));
        assertThat(ClassDataSharing.flags(spec, classpath, folder)).singleElement().asString()
                .startsWith("-XX:SharedArchiveFile=");
    }

    @Test
    void anotherClasspathOrFlagsGetAnotherArchive() throws Exception {
        String one = ClassDataSharing.flags(spec(25, List.of(), true), jars("a.jar"), folder).get(1);
        String two = ClassDataSharing.flags(spec(25, List.of(), true), jars("a.jar", "b.jar"), folder).get(1);
        String three = ClassDataSharing.flags(spec(25, List.of("-XX:+UseZGC"), true), jars("a.jar"), folder).get(1);
        assertThat(List.of(one, two, three)).doesNotHaveDuplicates();
    }

    @Test
    void noArchiveForFolderClasspathsUserCdsFlagsOrWhenSwitchedOff() throws Exception {
        Files.createDirectories(folder.resolve("classes"));
        String withFolder = jars("a.jar") + File.pathSeparator + folder.resolve("classes");
        assertThat(ClassDataSharing.flags(spec(25, List.of(), true), withFolder, folder)).isEmpty();
        assertThat(ClassDataSharing.flags(spec(25, List.of("-Xshare:off"), true), jars("a.jar"), folder)).isEmpty();
        assertThat(ClassDataSharing.flags(spec(25, List.of(), false), jars("a.jar"), folder)).isEmpty();
    }

    private String jars(String... names) throws Exception {
        StringBuilder classpath = new StringBuilder();
        for (String name : names) {
            Path jar = folder.resolve(name);
            if (!Files.exists(jar)) {
                Files.createFile(jar);
            }
            classpath.append(classpath.length() == 0 ? "" : File.pathSeparator).append(jar);
        }
        return classpath.toString();
    }

    private TwinSpec spec(int version, List<String> jvmArgs, boolean cds) {
        JdkInstallation jdk = new JdkInstallation(folder, version, version + ".0.1", "Test");
        return new TwinSpec("t", jdk, jvmArgs, Map.of(), Map.of(), null, List.of(), List.of(), true,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, cds);
    }
}
