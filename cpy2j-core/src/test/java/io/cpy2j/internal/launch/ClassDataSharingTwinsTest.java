package io.cpy2j.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.cpy2j.TwinBootstrap;
import io.cpy2j.internal.protocol.Protocol;
import io.cpy2j.internal.twin.TwinMain;
import io.cpy2j.support.TestJdks;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Real twins on a classpath of jars: a rebuilt application jar gets a fresh archive that the JVM maps,
 * an archive the JVM rejects is recorded again, and the JVM's CDS warnings never reach the user's log.
 */
class ClassDataSharingTwinsTest {

    /** With -Xlog:class+load the JVM names where each class came from; "top" is the twin's own archive. */
    private static final String FROM_ARCHIVE = TwinMain.class.getName() + " source: shared objects file (top)";

    @TempDir
    Path folder;

    private final List<ILoggingEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Runnable> cleanups = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        cleanups.forEach(Runnable::run);
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    @Timeout(180)
    void aRebuiltJarGetsAFreshArchiveAndARejectedArchiveIsRecordedAgain(int version) throws Exception {
        Optional<JdkInstallation> jdk = TestJdks.find(version);
        assumeTrue(jdk.isPresent(), "skipped: no Java " + version + " found by discovery: " + JdkDiscovery.standard().all());
        Path app = folder.resolve("app.jar");
        writeJar(app, "first build");
        TwinSpec spec = spec("twin" + version, jdk.get(), app);
        Path cache = folder.resolve("cds");

        Path first = runTwin(spec, cache).archive();
        assertThat(first).exists();
        assertThat(runTwin(spec, cache).mappedTheArchive()).isTrue();
        Path stale = Files.copy(first, folder.resolve("stale.jsa"));

        rebuild(app);
        Run fresh = runTwin(spec, cache);
        assertThat(fresh.archive()).isNotEqualTo(first).exists();
        assertThat(first).as("the archive of the old jar is deleted").doesNotExist();
        assertThat(runTwin(spec, cache).mappedTheArchive()).isTrue();

        // An archive the JVM rejects (made for the old jar) under the current name: deleted, then recorded again.
        Files.copy(stale, fresh.archive(), StandardCopyOption.REPLACE_EXISTING);
        assertThat(runTwin(spec, cache).mappedTheArchive()).isFalse();
        runTwin(spec, cache);
        assertThat(runTwin(spec, cache).mappedTheArchive()).isTrue();

        assertThat(messages(Level.INFO, 0)).as("the twins' output is forwarded").isNotEmpty();
        assertThat(messages(Level.INFO, 0).stream().filter(line -> line.contains("[cds") || line.contains("archive")))
                .as("no CDS warning reaches the user's log").isEmpty();
        assertThat(messages(Level.DEBUG, 0)).as("the rejection was seen, at debug level")
                .anyMatch(line -> line.contains("Unable to use shared archive"));
    }

    /** What one twin start printed, and the archive it used or recorded. */
    private record Run(List<String> lines, Path archive) {

        boolean mappedTheArchive() {
            return lines.stream().anyMatch(line -> line.endsWith(FROM_ARCHIVE));
        }
    }

    /** Starts the twin, lets it start up, closes its channel so that it exits cleanly (writing an archive). */
    private Run runTwin(TwinSpec spec, Path cache) throws Exception {
        int before = events.size();
        TwinProcess twin = TwinProcess.start(spec, cache);
        cleanups.add(() -> twin.process().destroyForcibly());
        assertThat(skipToMagic(twin.process().getInputStream())).as("nothing but the channel on stdout").isEmpty();
        twin.process().getOutputStream().close();
        OptionalInt status = twin.destroy(20_000);
        assertThat(status).as(twin.describeExit(status)).hasValue(0);
        Path archive = recordedArchive(twin.command());
        return new Run(messages(Level.INFO, before), archive);
    }

    private static String skipToMagic(InputStream stdout) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int b;
        while ((b = stdout.read()) != -1) {
            seen.write(b);
            byte[] bytes = seen.toByteArray();
            if (bytes.length >= Protocol.MAGIC.length && endsWithMagic(bytes)) {
                return new String(bytes, 0, bytes.length - Protocol.MAGIC.length, StandardCharsets.ISO_8859_1);
            }
        }
        throw new AssertionError("the twin never wrote its magic bytes; stdout: " + seen);
    }

    private static boolean endsWithMagic(byte[] bytes) {
        int from = bytes.length - Protocol.MAGIC.length;
        for (int i = 0; i < Protocol.MAGIC.length; i++) {
            if (bytes[from + i] != Protocol.MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The archive the twin used or recorded; a Java 17 recording is moved into place once the exit is seen. */
    private static Path recordedArchive(List<String> command) throws InterruptedException {
        String flag = command.stream().filter(arg -> arg.contains("SharedArchiveFile=") || arg.contains("AtExit="))
                .findFirst().orElseThrow(() -> new AssertionError("no CDS flag in " + command));
        String path = flag.substring(flag.indexOf('=') + 1);
        if (!path.endsWith(".tmp")) {
            return Path.of(path);
        }
        Path archive = Path.of(path.substring(0, path.indexOf(".jsa.") + ".jsa".length()));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(archive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return archive;
    }

    private TwinSpec spec(String id, JdkInstallation jdk, Path app) throws Exception {
        listenTo(id);
        // The app jar first: Java 17 checks only the entries up to the last one it archived classes from.
        List<String> classpath = new ArrayList<>(List.of(app.toString(), coreJar().toString()));
        classpath.addAll(dependencyJars());
        return new TwinSpec(id, jdk, List.of("-Xlog:class+load=info"), Map.of(), Map.of(), null, List.of(),
                TwinBootstrap.classpath(classpath), Duration.ofSeconds(30), Duration.ofSeconds(5), 1 << 20, true);
    }

    /** cpy2j-core's classes as a jar: under Maven they are a folder, which CDS cannot archive. */
    private Path coreJar() throws Exception {
        Path classes = Path.of(TwinMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(classes)) {
            return classes;
        }
        Path jar = folder.resolve("cpy2j-core.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
            }
        }
        return jar;
    }

    private static List<String> dependencyJars() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).toList();
    }

    private static void writeJar(Path jar, String content) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry("app/build.txt"));
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What a build does to the jar the JVM checks: other content, size and time. */
    private static void rebuild(Path jar) throws IOException {
        FileTime before = Files.getLastModifiedTime(jar);
        writeJar(jar, "second build, a little longer");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(before.toMillis() + 5_000));
    }

    /** Catches the twin's forwarded lines, debug included, and keeps them off the console. */
    private void listenTo(String id) {
        Logger logger = (Logger) LoggerFactory.getLogger("io.cpy2j.twin." + id);
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                events.add(event);
            }
        };
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
        cleanups.add(() -> {
            logger.detachAppender(appender);
            logger.setLevel(null);
            logger.setAdditive(true);
        });
    }

    /** The forwarded lines at {@code level}, from the {@code from}th event on. */
    private List<String> messages(Level level, int from) {
        synchronized (events) {
            return events.subList(from, events.size()).stream().filter(event -> event.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
