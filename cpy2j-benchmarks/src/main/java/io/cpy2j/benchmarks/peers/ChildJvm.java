package io.cpy2j.benchmarks.peers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts the peers' child JVMs the way cpy2j starts a twin: a {@code java} binary and the benchmark
 * JVM's own classpath. stdin and stdout are pipes to the parent, stderr is inherited so a failing
 * child is visible in the benchmark log.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /** The {@code java} of the JDK running this JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public static Process start(Path java, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classpath(), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Kills the child and waits (boundedly) until it is gone, so no JVM outlives the benchmark. */
    public static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                System.err.println("child JVM " + process.pid() + " did not exit within 10 s of being killed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String classpath() {
        String classpath = System.getProperty("java.class.path");
        if (classpath == null || classpath.isBlank()) {
            throw new IllegalStateException("java.class.path is empty: run the benchmarks from benchmarks.jar");
        }
        // Absolute, so the child does not depend on the working directory.
        List<String> entries = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
