package io.cpy2j.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.JdkInfo;
import io.cpy2j.JdkNotFoundException;
import io.cpy2j.TwinStartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdkDiscoveryTest {

    @TempDir
    Path folder;

    @Test
    void readsVersionAndVendorFromTheReleaseFile() throws IOException {
        Path home = fakeJdk("temurin-21", "21.0.4", "Eclipse Adoptium");
        JdkInstallation jdk = JdkDiscovery.at(home);
        assertThat(jdk.featureVersion()).isEqualTo(21);
        assertThat(jdk.version()).isEqualTo("21.0.4");
        assertThat(jdk.vendor()).isEqualTo("Eclipse Adoptium");
    }

    @Test
    void findsTheRunningJdkAmongTheStandardPlaces() {
        assertThat(JdkDiscovery.standard().all()).extracting(JdkInstallation::featureVersion)
                .contains(Runtime.version().feature());
    }

    @Test
    void findsAJdkByVersionInAFolderOfJdksAndMacOsLayouts() throws IOException {
        fakeJdk("jdk-11", "11.0.2", "Oracle");
        Path mac = fakeJdk("zulu-21.jdk/Contents/Home", "21.0.1", "Azul Systems, Inc.");
        JdkDiscovery discovery = new JdkDiscovery(List.of(), List.of(folder));
        assertThat(discovery.find(21).home()).isEqualTo(mac.toRealPath());
        assertThat(discovery.find(11).vendor()).isEqualTo("Oracle");
    }

    @Test
    void aMissingVersionListsWhatWasFound() throws IOException {
        fakeJdk("jdk-11", "11.0.2", "Oracle");
        JdkDiscovery discovery = new JdkDiscovery(List.of(), List.of(folder));
        assertThatThrownBy(() -> discovery.find(8))
                .isInstanceOf(JdkNotFoundException.class)
                .hasMessageContaining("No Java 8 installation found")
                .hasMessageContaining("11.0.2 (Oracle)")
                .hasMessageContaining("java-home");
    }

    @Test
    void nothingFoundAtAllSaysWhereItLooked() {
        JdkDiscovery discovery = new JdkDiscovery(List.of(), List.of(folder.resolve("none")));
        assertThatThrownBy(() -> discovery.find(25)).hasMessageContaining("No JDK was found at all");
    }

    @Test
    void aMissingVersionGivesTheVersionAskedAndTheJdksFoundAsData() throws IOException {
        Path home = fakeJdk("jdk-11", "11.0.2", "Oracle").toRealPath();
        JdkDiscovery discovery = new JdkDiscovery(List.of(), List.of(folder));
        assertThatThrownBy(() -> discovery.find(8))
                .isInstanceOfSatisfying(JdkNotFoundException.class, e -> {
                    assertThat(e.javaVersion()).hasValue(8);
                    assertThat(e.javaHome()).isEmpty();
                    assertThat(e.jdksFound()).containsExactly(new JdkInfo(home, 11, "11.0.2", "Oracle"));
                });
    }

    @Test
    void aJavaHomeThatDoesNotExistIsRefusedWithThePathAndTheJdksFound() {
        Path missing = folder.resolve("nope");
        assertThatThrownBy(() -> JdkDiscovery.at(missing))
                .isInstanceOfSatisfying(JdkNotFoundException.class, e -> {
                    assertThat(e).hasMessageContaining("javaHome " + missing + " is not a JDK: it does not exist");
                    assertThat(e.javaHome()).contains(missing);
                    assertThat(e.javaVersion()).isEmpty();
                    assertThat(e.jdksFound()).extracting(JdkInfo::featureVersion).contains(Runtime.version().feature());
                });
    }

    @Test
    void anEmptyFolderIsRefusedForItsMissingReleaseFile() throws IOException {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        assertThatThrownBy(() -> JdkDiscovery.at(empty))
                .isInstanceOf(TwinStartupException.class)
                .hasMessageContaining("javaHome " + empty + " is not a JDK: it has no release file")
                .hasMessageContaining("Found: ");
    }

    @Test
    void theBinFolderOrTheLauncherOfAJdkPointsAtTheJdkAroundIt() throws IOException {
        Path home = fakeJdk("jdk-21", "21.0.4", "Eclipse Adoptium");
        assertThat(JdkDiscovery.whyNotAJdk(home.resolve("bin")))
                .isEqualTo("it has no release file (it is inside the JDK " + home + ": use that folder)");
        assertThat(JdkDiscovery.whyNotAJdk(home.resolve("bin/java")))
                .isEqualTo("it is a file, not a folder (it is inside the JDK " + home + ": use that folder)");
    }

    @Test
    void aJdkWithoutItsLauncherOrVersionSaysWhichIsMissing() throws IOException {
        Path noJava = fakeJdk("no-java", "21.0.4", "Oracle");
        Files.delete(noJava.resolve("bin/java"));
        assertThat(JdkDiscovery.whyNotAJdk(noJava)).startsWith("it has no executable ").endsWith("java");
        Path noVersion = fakeJdk("no-version", "21.0.4", "Oracle");
        Files.writeString(noVersion.resolve("release"), "IMPLEMENTOR=\"Oracle\"\n");
        assertThat(JdkDiscovery.whyNotAJdk(noVersion)).isEqualTo("its release file cannot be read or names no JAVA_VERSION");
        assertThatThrownBy(() -> JdkDiscovery.at(noVersion)).hasMessageContaining("names no JAVA_VERSION");
    }

    @Test
    void featureVersionsOfOldAndNewSchemes() {
        assertThat(JdkDiscovery.featureVersion("1.8.0_292")).isEqualTo(8);
        assertThat(JdkDiscovery.featureVersion("17.0.15")).isEqualTo(17);
        assertThat(JdkDiscovery.featureVersion("25")).isEqualTo(25);
        assertThat(JdkDiscovery.featureVersion("26-ea")).isEqualTo(26);
    }

    private Path fakeJdk(String relative, String version, String vendor) throws IOException {
        Path home = folder.resolve(relative);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.createFile(home.resolve("bin/java"));
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nIMPLEMENTOR=\"" + vendor + "\"\n");
        return home;
    }

    static Path javaHome() {
        return Paths.get(System.getProperty("java.home"));
    }
}
