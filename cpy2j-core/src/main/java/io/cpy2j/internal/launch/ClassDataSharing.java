package io.cpy2j.internal.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Class Data Sharing for twins: the first start of a twin records the classes it loaded into an
 * archive (written when the twin exits), and later starts map that archive instead of loading and
 * verifying those classes again. Archives live under {@code ~/.cache/cpy2j/cds}.
 *
 * <p>The JVM rejects an archive whose class-path jars changed size or modification time since it was
 * recorded, and keeps rejecting it (Java 17 never rewrites it; Java 19+'s auto-create does not either
 * for a class-path mismatch). So an archive's name holds both what it was made for (JDK, classpath, JVM
 * flags: the <em>base</em>) and the <em>stamp</em> of what the JVM checks (each jar's size and time):
 * a rebuilt jar gets a new archive, and the older archives of the same base are deleted. Should the
 * JVM still reject one, {@link Archive#absorbs} deletes it so that the next start records it again.
 *
 * <p>Only for classpaths made of jars: the JVM cannot archive classes from folders (an IDE or
 * {@code mvn test} classpath), and the user's own CDS flags win.
 */
final class ClassDataSharing {

    /** Java 19 added -XX:+AutoCreateSharedArchive, which creates and uses the archive itself. */
    private static final int AUTO_CREATE_SINCE = 19;

    private ClassDataSharing() {
    }

    static Archive plan(TwinSpec spec, String classpath, Path cacheRoot) {
        if (!spec.classDataSharing() || !onlyJars(classpath) || userChoseCds(spec.jvmArgs())) {
            return Archive.NONE;
        }
        try {
            Files.createDirectories(cacheRoot);
            // Keyed by what the archive depends on, not by twin id: twins started alike share one archive.
            String base = "twin-" + base(spec, classpath);
            Path file = cacheRoot.resolve(base + "-" + stamp(spec, classpath) + ".jsa");
            if (!Files.isRegularFile(file)) {
                deleteOlderArchives(cacheRoot, base, file);
            }
            return archive(spec, file);
        } catch (IOException e) {
            return Archive.NONE; // no cache folder or an unreadable jar: start without an archive rather than fail
        }
    }

    static Path defaultCacheRoot() {
        return Paths.get(System.getProperty("user.home"), ".cache", "cpy2j", "cds");
    }

    private static Archive archive(TwinSpec spec, Path file) {
        if (spec.jdk().featureVersion() >= AUTO_CREATE_SINCE) {
            return new Archive(file, null, List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + file));
        }
        if (Files.isRegularFile(file)) {
            return new Archive(file, null, List.of("-XX:SharedArchiveFile=" + file));
        }
        // Java 17 maps a half-written archive and crashes (SIGBUS): record under another name and
        // move it into place only once the twin has exited cleanly.
        Path recording = file.resolveSibling(file.getFileName() + "." + UUID.randomUUID() + ".tmp");
        return new Archive(file, recording, List.of("-XX:ArchiveClassesAtExit=" + recording));
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

    /** What the archive was made for; the same as the whole key of the archives before the stamp was added. */
    private static String base(TwinSpec spec, String classpath) {
        MessageDigest digest = sha256();
        for (String part : List.of(spec.jdk().home().toString(), spec.jdk().version(), classpath,
                String.join(" ", spec.jvmArgs()))) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** What the JVM checks before it maps the archive: each jar's size and time, and the JDK's own classes. */
    private static String stamp(TwinSpec spec, String classpath) throws IOException {
        MessageDigest digest = sha256();
        Path modules = spec.jdk().home().resolve("lib").resolve("modules");
        if (Files.isRegularFile(modules)) {
            update(digest, modules);
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            update(digest, Paths.get(entry));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 6);
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String facts = attributes.size() + "@" + attributes.lastModifiedTime().toMillis() + ";";
        digest.update(facts.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Keeps the cache bounded: archives for older jars of the same base can never be used again. */
    private static void deleteOlderArchives(Path cacheRoot, String base, Path current) {
        String keep = current.getFileName().toString();
        try (DirectoryStream<Path> older = Files.newDirectoryStream(cacheRoot, base + "*.jsa*")) {
            for (Path file : older) {
                if (!file.getFileName().toString().startsWith(keep)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // a file in use (Windows) or a race with another master: the next start tries again
        }
    }

    /** One twin start's archive: the flags that use or record it, and what the JVM says about it. */
    static final class Archive {

        static final Archive NONE = new Archive(null, null, List.of());

        /**
         * Lines of the JVM's unified logging with a cds or aot tag (padded when other tags are logged too), and the few CDS warnings printed
         * without it. They describe cpy2j's choices, not the user's application.
         */
        private static final Pattern NOTICE = Pattern.compile(
                "^(?:\\[[^\\]]*\\])*\\[(?:cds|aot)[, \\]]|VM warning: .*(?:CDS|[Ss]hared archive)");
        /** How Java 17 and 25 say that they could not map an archive and run without it. */
        private static final Pattern REJECTED = Pattern.compile("Unable to use shared archive"
                + "|Loading dynamic archive failed|shared class paths mismatch|has been truncated"
                + "|not the one used while building");

        private final Path file;
        private final Path recording;
        private final List<String> flags;

        private Archive(Path file, Path recording, List<String> flags) {
            this.file = file;
            this.recording = recording;
            this.flags = List.copyOf(flags);
        }

        List<String> flags() {
            return flags;
        }

        /** The archive's path, or null when the twin starts without one. */
        Path file() {
            return file;
        }

        /**
         * True for a line the JVM printed about Class Data Sharing, which the user should not see as
         * a warning. A line saying the archive was rejected deletes it, so the next start records a
         * fresh one instead of running without one forever.
         */
        boolean absorbs(String line) {
            if (file == null || !NOTICE.matcher(line).find()) {
                return false;
            }
            if (REJECTED.matcher(line).find()) {
                deleteQuietly(file);
            }
            return true;
        }

        /** Called once the twin exited: a recording made by a clean exit becomes the archive. */
        void twinExited(int status) {
            if (recording == null) {
                return;
            }
            try {
                if (status == 0 && Files.isRegularFile(recording)) {
                    Files.move(recording, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                // another twin moved its recording first, or the folder is gone: the next start records again
            }
            deleteQuietly(recording);
        }

        private static void deleteQuietly(Path path) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // in use or already gone: a later start deals with it
            }
        }
    }
}
