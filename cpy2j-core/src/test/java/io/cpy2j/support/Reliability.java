package io.cpy2j.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

/**
 * The sizes of the reliability tests (fuzzing, chaos trials, the soak) and where they leave their figures.
 * In {@code .ci/run} they run short; {@code -Dcpy2j.reliability=full} (what {@code reliability/run.sh} sets)
 * gives every one its full size, and a property of a test's own overrides either. Each test writes its
 * figures as a Markdown section to {@code target/reliability/<name>.md}, from which the script assembles
 * {@code docs/reliability.md}.
 */
public final class Reliability {

    private Reliability() {
    }

    /** Whether this run is the full one. */
    public static boolean full() {
        return "full".equals(System.getProperty("cpy2j.reliability"));
    }

    /** {@code property} if set, else {@code full} in a full run and {@code ci} otherwise. */
    public static long size(String property, long ci, long full) {
        return Long.getLong(property, full() ? full : ci);
    }

    /** {@code property} if set (to replay a failure), else a fresh random seed. */
    public static long seed(String property) {
        return Long.getLong(property, new Random().nextLong());
    }

    /** Writes one section of figures (Markdown, starting with a {@code ##} heading) for the report. */
    public static void report(String name, String markdown) {
        Path directory = Paths.get("target", "reliability");
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve(name + ".md"), markdown.strip() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the figures of " + name, e);
        }
    }
}
