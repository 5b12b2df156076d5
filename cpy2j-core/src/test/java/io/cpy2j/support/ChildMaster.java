package io.cpy2j.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs {@link MasterMain} as a separate JVM with the test classpath, collecting its output. */
public final class ChildMaster implements AutoCloseable {

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final CompletableFuture<String> stderr;

    private ChildMaster(Process process) {
        this.process = process;
        this.stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    }

    public static ChildMaster start(Map<String, String> environment, String... args) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                MasterMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CPY2J_DEBUG");
        builder.environment().putAll(environment);
        return new ChildMaster(builder.start());
    }

    /** The next stdout line that starts with {@code prefix}; fails after the timeout. */
    public String awaitLine(String prefix, long seconds) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String next;
                while ((next = reader.readLine()) != null) {
                    stdout.add(next);
                    if (next.startsWith(prefix)) {
                        return next;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String found = line.get(seconds, TimeUnit.SECONDS);
        if (found == null) {
            throw new AssertionError("master exited without printing " + prefix + "; stderr: " + stderr());
        }
        return found;
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

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
