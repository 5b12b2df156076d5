package io.cpy2j.internal.launch;

import io.cpy2j.JdkInfo;
import io.cpy2j.JdkNotFoundException;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds installed JDKs: {@code JAVA_HOME}, the running JVM, the standard folders of Linux and macOS,
 * SDKMAN and {@code ~/.jdks}. Each candidate is identified by its {@code release} file, never by its
 * folder name.
 */
public final class JdkDiscovery {

    private final List<Path> homes;
    private final List<Path> parents;

    JdkDiscovery(List<Path> homes, List<Path> parents) {
        this.homes = homes;
        this.parents = parents;
    }

    /** The places a JDK is usually installed on this machine. */
    public static JdkDiscovery standard() {
        Path userHome = Paths.get(System.getProperty("user.home"));
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Paths::get).ifPresent(homes::add);
        homes.add(Paths.get(System.getProperty("java.home")));
        List<Path> parents = List.of(Paths.get("/usr/lib/jvm"), Paths.get("/usr/java"), Paths.get("/opt/java"),
                Paths.get("/opt"), Paths.get("/Library/Java/JavaVirtualMachines"),
                userHome.resolve("Library/Java/JavaVirtualMachines"), userHome.resolve(".sdkman/candidates/java"),
                userHome.resolve(".jdks"));
        return new JdkDiscovery(homes, parents);
    }

    /** Every JDK found, one per real folder, newest first. */
    public List<JdkInstallation> all() {
        Map<Path, JdkInstallation> found = new LinkedHashMap<>();
        Stream.concat(homes.stream(), parents.stream().flatMap(JdkDiscovery::children))
                .flatMap(dir -> Stream.of(dir, dir.resolve("Contents/Home")))
                .map(JdkDiscovery::realPath)
                .flatMap(Optional::stream)
                .filter(dir -> !found.containsKey(dir))
                .forEach(dir -> read(dir).ifPresent(jdk -> found.put(dir, jdk)));
        return found.values().stream()
                .sorted(Comparator.comparingInt(JdkInstallation::featureVersion).reversed())
                .collect(Collectors.toList());
    }

    /** A JDK of this feature version (17, 25, ...), or a {@link JdkNotFoundException} listing what exists. */
    public JdkInstallation find(int featureVersion) {
        List<JdkInstallation> all = all();
        return all.stream().filter(jdk -> jdk.featureVersion() == featureVersion).findFirst()
                .orElseThrow(() -> new JdkNotFoundException("No Java " + featureVersion + " installation found. "
                        + describe(all) + " Install a JDK " + featureVersion
                        + " (or set javaHome / cpy2j.twins.<id>.java-home to its folder).", featureVersion, null,
                        infos(all)));
    }

    /**
     * The JDK at {@code home}, or a {@link JdkNotFoundException} that says what is wrong with the folder
     * and lists the JDKs that are installed.
     */
    public static JdkInstallation at(Path home) {
        Path dir = home.toAbsolutePath().normalize();
        return read(dir).filter(jdk -> Files.isExecutable(jdk.javaExecutable())).orElseThrow(() -> {
            List<JdkInstallation> all = standard().all();
            return new JdkNotFoundException("javaHome " + dir + " is not a JDK: " + whyNotAJdk(dir)
                    + ". Point it at a JDK's top folder (the one that contains bin/java and the release file). "
                    + describe(all), null, dir, infos(all));
        });
    }

    /** The first thing a JDK's folder has that {@code dir} lacks, in words, with a likely fix. */
    static String whyNotAJdk(Path dir) {
        if (!Files.exists(dir)) {
            return "it does not exist";
        }
        if (!Files.isDirectory(dir)) {
            return "it is a file, not a folder" + enclosingJdkHint(dir);
        }
        if (!Files.isRegularFile(dir.resolve("release"))) {
            return "it has no release file" + enclosingJdkHint(dir);
        }
        Path java = new JdkInstallation(dir, 0, "", "").javaExecutable();
        if (!Files.isExecutable(java)) {
            return "it has no executable " + java;
        }
        return "its release file cannot be read or names no JAVA_VERSION";
    }

    /** People often give the bin folder or the java launcher itself: name the JDK around it, if any. */
    private static String enclosingJdkHint(Path dir) {
        Path parent = dir.getParent();
        for (int up = 0; up < 2 && parent != null; up++, parent = parent.getParent()) {
            if (read(parent).isPresent()) {
                return " (it is inside the JDK " + parent + ": use that folder)";
            }
        }
        return "";
    }

    static Optional<JdkInstallation> read(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.exists(home.resolve("bin"))) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(release)) {
            props.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String version = unquote(props.getProperty("JAVA_VERSION"));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        String vendor = unquote(props.getProperty("IMPLEMENTOR"));
        return Optional.of(new JdkInstallation(home, featureVersion(version), version, vendor.isEmpty() ? "unknown" : vendor));
    }

    /** "1.8.0_292" is 8, "17.0.15" is 17, "25" is 25. */
    static int featureVersion(String version) {
        String[] parts = version.split("[._+-]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }

    static List<JdkInfo> infos(List<JdkInstallation> all) {
        return all.stream().map(JdkInstallation::info).collect(Collectors.toList());
    }

    static String describe(List<JdkInstallation> all) {
        if (all.isEmpty()) {
            return "No JDK was found at all (looked at JAVA_HOME, the running JVM, /usr/lib/jvm, /usr/java, /opt, "
                    + "/Library/Java/JavaVirtualMachines, ~/.sdkman/candidates/java and ~/.jdks).";
        }
        return "Found: " + all.stream().map(JdkInstallation::toString).collect(Collectors.joining("; ")) + ".";
    }

    private static String unquote(String value) {
        return value == null ? "" : value.trim().replaceAll("^\"|\"$", "");
    }

    private static Stream<Path> children(Path parent) {
        if (!Files.isDirectory(parent)) {
            return Stream.empty();
        }
        try (Stream<Path> list = Files.list(parent)) {
            return list.sorted().collect(Collectors.toList()).stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static Optional<Path> realPath(Path dir) {
        try {
            return Files.isDirectory(dir) ? Optional.of(dir.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
