package io.cpy2j.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Class Data Sharing for twins: the first start of a twin records the classes it loaded into an
 * archive (written when the twin exits), and later starts map that archive instead of loading and
 * verifying those classes again. One archive per JDK, classpath and JVM flags, kept under
 * {@code ~/.cache/cpy2j/cds}. The JVM checks an archive before using it and ignores (or, from Java 19,
 * rebuilds) one that does not match.
 *
 * <p>Only for classpaths made of jars: the JVM cannot archive classes from folders (an IDE or
 * {@code mvn test} classpath), and the user's own CDS flags win.
 */
final class ClassDataSharing {

    /** Java 19 added -XX:+AutoCreateSharedArchive, which creates, uses and refreshes the archive itself. */
    private static final int AUTO_CREATE_SINCE = 19;

    private ClassDataSharing() {
    }

    static List<String> flags(TwinSpec spec, String classpath, Path cacheRoot) {
        if (!spec.classDataSharing() || !onlyJars(classpath) || userChoseCds(spec.jvmArgs())) {
            return List.of();
        }
        // Keyed by what the archive depends on, not by twin id: twins started alike share one archive.
        Path archive = cacheRoot.resolve("twin-" + fingerprint(spec, classpath) + ".jsa");
        try {
            Files.createDirectories(cacheRoot);
        } catch (IOException e) {
            return List.of(); // no cache folder: start without an archive rather than fail
        }
        if (spec.jdk().featureVersion() >= AUTO_CREATE_SINCE) {
            return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive);
        }
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive)
                : List.of("-XX:ArchiveClassesAtExit=" + archive);
    }

    static Path defaultCacheRoot() {
        return Paths.get(System.getProperty("user.home"), ".cache", "cpy2j", "cds");
    }

    private static boolean onlyJars(String classpath) {
        if (classpath.isEmpty()) {
            return false;
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Paths.get(entry))) {
                return false;
            }
        }
        return true;
    }

    private static boolean userChoseCds(List<String> jvmArgs) {
        return jvmArgs.stream().anyMatch(arg -> arg.startsWith("-Xshare") || arg.contains("SharedArchiveFile")
                || arg.contains("ArchiveClassesAtExit") || arg.contains("AutoCreateSharedArchive"));
    }

    private static String fingerprint(TwinSpec spec, String classpath) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(spec.jdk().home().toString(), spec.jdk().version(), classpath,
                    String.join(" ", spec.jvmArgs()))) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
