package io.cpy2j.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinBootstrap;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
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
        List<String> flags = flags(spec(25, List.of(), true), classpath, folder.resolve("cds"));
        assertThat(flags).hasSize(2);
        assertThat(flags.get(0)).isEqualTo("-XX:+AutoCreateSharedArchive");
        assertThat(flags.get(1)).startsWith("-XX:SharedArchiveFile=" + folder.resolve("cds").resolve("twin-"))
                .endsWith(".jsa");
        assertThat(folder.resolve("cds")).isDirectory();
    }

    @Test
    void java17RecordsUnderAnotherNameAndMapsTheArchiveOnceTheTwinExitedCleanly() throws Exception {
        String classpath = jars("a.jar");
        TwinSpec spec = spec(17, List.of(), true);
        ClassDataSharing.Archive first = ClassDataSharing.plan(spec, classpath, folder);
        Path recording = recording(first);
        Files.writeString(recording, "archive");
        first.twinExited(0);
        assertThat(first.file()).hasContent("archive");
        assertThat(recording).doesNotExist();
        assertThat(flags(spec, classpath, folder)).containsExactly("-XX:SharedArchiveFile=" + first.file());
    }

    @Test
    void java17DropsTheRecordingOfATwinThatDidNotExitCleanly() throws Exception {
        ClassDataSharing.Archive first = ClassDataSharing.plan(spec(17, List.of(), true), jars("a.jar"), folder);
        Path recording = recording(first);
        Files.writeString(recording, "half an archive"); // killed while writing: Java 17 would crash mapping it
        first.twinExited(137);
        assertThat(first.file()).doesNotExist();
        assertThat(recording).doesNotExist();
    }

    @Test
    void aRebuiltJarGetsAnotherArchiveAndTheOlderOneIsDeleted() throws Exception {
        String classpath = jars("a.jar");
        TwinSpec spec = spec(25, List.of(), true);
        Path old = ClassDataSharing.plan(spec, classpath, folder).file();
        Files.createFile(old);
        assertThat(ClassDataSharing.plan(spec, classpath, folder).file()).isEqualTo(old);

        Path jar = folder.resolve("a.jar");
        Files.writeString(jar, "rebuilt");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        Path fresh = ClassDataSharing.plan(spec, classpath, folder).file();
        assertThat(fresh).isNotEqualTo(old);
        assertThat(old).doesNotExist();
    }

    @Test
    void theJvmsCdsNoticesAreAbsorbedAndARejectionDeletesTheArchive() throws Exception {
        ClassDataSharing.Archive archive = ClassDataSharing.plan(spec(17, List.of(), true), jars("a.jar"), folder);
        Files.createFile(archive.file());
        assertThat(archive.absorbs("[0.1s][warning][cds] Skipping Foo: Old class has been linked")).isTrue();
        assertThat(archive.absorbs("Unable to use shared archive, says the user's own code")).isFalse();
        assertThat(archive.file()).exists();
        assertThat(archive.absorbs("[0.2s][warning][cds,dynamic] Unable to use shared archive. The top archive failed "
                + "to load: " + archive.file())).isTrue();
        assertThat(archive.file()).doesNotExist();
        assertThat(ClassDataSharing.Archive.NONE.absorbs("[0.1s][warning][cds] the user's own archive")).isFalse();
    }

    @Test
    void anotherClasspathOrFlagsGetAnotherArchive() throws Exception {
        String one = flags(spec(25, List.of(), true), jars("a.jar"), folder).get(1);
        String two = flags(spec(25, List.of(), true), jars("a.jar", "b.jar"), folder).get(1);
        String three = flags(spec(25, List.of("-XX:+UseZGC"), true), jars("a.jar"), folder).get(1);
        assertThat(List.of(one, two, three)).doesNotHaveDuplicates();
    }

    @Test
    void noArchiveForFolderClasspathsUserCdsFlagsOrWhenSwitchedOff() throws Exception {
        Files.createDirectories(folder.resolve("classes"));
        String withFolder = jars("a.jar") + File.pathSeparator + folder.resolve("classes");
        assertThat(flags(spec(25, List.of(), true), withFolder, folder)).isEmpty();
        assertThat(flags(spec(25, List.of("-Xshare:off"), true), jars("a.jar"), folder)).isEmpty();
        assertThat(flags(spec(25, List.of(), false), jars("a.jar"), folder)).isEmpty();
    }

    private static Path recording(ClassDataSharing.Archive archive) {
        assertThat(archive.flags()).singleElement().asString().startsWith("-XX:ArchiveClassesAtExit=").endsWith(".tmp");
        return Path.of(archive.flags().get(0).substring("-XX:ArchiveClassesAtExit=".length()));
    }

    private static List<String> flags(TwinSpec spec, String classpath, Path cacheRoot) {
        return ClassDataSharing.plan(spec, classpath, cacheRoot).flags();
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
        return new TwinSpec("t", jdk, jvmArgs, Map.of(), Map.of(), null, List.of(), TwinBootstrap.detect(),
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, cds);
    }
}
