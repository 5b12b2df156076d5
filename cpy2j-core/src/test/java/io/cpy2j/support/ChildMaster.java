package io.cpy2j.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@link MasterMain} as a separate JVM with the test classpath, collecting its output. Each of the
 * child's streams is read by a thread of its own: a read blocks until the child writes or ends, and on a
 * shared pool (the common pool has one thread on two cores) one blocked reader starves the other.
 */
public final class ChildMaster implements AutoCloseable {

    /** Put on the line queue when stdout ends, so a waiting {@link #awaitLine} stops at once. */
    private static final String END = new String("end of stdout");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> stderr = new CompletableFuture<>();

    private ChildMaster(Process process) {
        this.process = process;
        reader("stdout", this::readLines);
        reader("stderr", () -> stderr.complete(readAll(process.getErrorStream())));
    }

    public static ChildMaster start(Map<String, String> environment, String... args) throws IOException {
        return start(System.getProperty("java.class.path"), environment, args);
    }

    /** Like {@link #start(Map, String...)} with JVM flags for the master, such as a quicker start-up. */
    public static ChildMaster start(List<String> jvmArgs, Map<String, String> environment, String... args)
            throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MasterMain.class.getName()));
        command.addAll(List.of(args));
        return run(command, environment);
    }

    /**
     * Like {@link #start(Map, String...)} on the test classpath without the entries that contain
     * {@code part} (its twins inherit that classpath): to run a master without logback, say.
     */
    public static ChildMaster startWithout(String part, Map<String, String> environment, String... args)
            throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains(part)).collect(Collectors.joining(File.pathSeparator));
        return start(classpath, environment, args);
    }

    private static ChildMaster start(String classpath, Map<String, String> environment, String... args)
            throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classpath, MasterMain.class.getName()));
        command.addAll(List.of(args));
        return run(command, environment);
    }

    /** Any master command line, such as {@code java -jar app.jar}. */
    public static ChildMaster run(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CPY2J_DEBUG");
        builder.environment().putAll(environment);
        return new ChildMaster(builder.start());
    }

    /** The next stdout line that starts with {@code prefix}; fails after the timeout. */
    public String awaitLine(String prefix, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String next;
        while ((next = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null && next != END) {
            if (next.startsWith(prefix)) {
                return next;
            }
        }
        if (next == END) {
            lines.add(END); // later calls must see the end too
            throw new AssertionError("master exited without printing " + prefix + "; stderr: " + stderr());
        }
        throw new AssertionError("master printed no line starting with " + prefix + " within " + seconds + " s");
    }

    public String stderr() throws Exception {
        return stderr.get(30, TimeUnit.SECONDS);
    }

    public int awaitExit() throws Exception {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("master did not exit in 60 s");
        }
        return process.exitValue();
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** A daemon thread, so a reader still blocked on a stuck child never keeps the test JVM alive. */
    private void reader(String stream, Runnable read) {
        Thread thread = new Thread(read, "child-master-" + process.pid() + "-" + stream);
        thread.setDaemon(true);
        thread.start();
    }

    /** One reader for the whole life of the child: a reader per call would lose the lines it buffered. */
    private void readLines() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the child ended or was killed: what it printed is queued already
        } finally {
            lines.add(END);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
