package io.cpy2j.internal.launch;

import io.cpy2j.TwinStartupException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** A started twin JVM: the process, its forwarded output, and words for how it ended. */
public final class TwinProcess {

    /** How long a killed process may take to be reaped; SIGKILL cannot be ignored, so this is short. */
    private static final long KILL_WAIT_MILLIS = 500;

    private final TwinSpec spec;
    private final Process process;
    private final OutputForwarder output;
    private final Thread outputThread;
    private final List<String> command;

    private TwinProcess(TwinSpec spec, Process process, List<String> command, ClassDataSharing.Archive archive) {
        this.spec = spec;
        this.process = process;
        this.command = command;
        // The JVM's notes on the archive are cpy2j's business: logged at debug, and a rejection deletes the archive.
        this.output = new OutputForwarder(spec.id(), process.getErrorStream(), archive::absorbs);
        process.onExit().thenAccept(ended -> archive.twinExited(ended.exitValue()));
        this.outputThread = new Thread(output, "cpy2j-" + spec.id() + "-output");
        outputThread.setDaemon(true);
        outputThread.start();
    }

    public static TwinProcess start(TwinSpec spec) {
        return start(spec, ClassDataSharing.defaultCacheRoot());
    }

    /** {@code cdsCache}: where Class Data Sharing archives are kept; tests use their own folder. */
    static TwinProcess start(TwinSpec spec, Path cdsCache) {
        ClassDataSharing.Archive archive = ClassDataSharing.plan(spec, TwinCommandLine.classpath(spec), cdsCache);
        List<String> command = TwinCommandLine.build(spec, ProcessHandle.current().pid(), archive.flags());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(spec.environment());
        if (spec.workingDirectory() != null) {
            builder.directory(spec.workingDirectory().toFile());
        }
        try {
            return new TwinProcess(spec, builder.start(), command, archive);
        } catch (IOException e) {
            throw new TwinStartupException("cannot launch twin '" + spec.id() + "' with " + command.get(0) + ": "
                    + e.getMessage(), e, command, null, List.of());
        }
    }

    public Process process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public List<String> command() {
        return command;
    }

    /** Waits up to {@code millis} for the process to end and returns its status, if it ended. */
    public OptionalInt awaitExit(long millis) {
        try {
            if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                outputThread.join(500); // let the last lines of stderr arrive for the message
                return OptionalInt.of(process.exitValue());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OptionalInt.empty();
    }

    /** "exit status 1", plus the last lines of its stderr when there are any. */
    public String describeExit(OptionalInt status) {
        String how = status.isPresent() ? ExitStatus.describe(status.getAsInt()) : "unknown exit status";
        String tail = output.tail();
        return how + (tail.isEmpty() ? "" : ". Last lines of its output:" + tail);
    }

    /** The last lines the twin printed on stderr, oldest first. */
    public List<String> outputTail() {
        return output.tailLines();
    }

    /** A start-up failure that carries this attempt's command, exit status and output tail as data. */
    public TwinStartupException startupFailure(String message, OptionalInt status, Throwable cause) {
        Integer exitStatus = status.isPresent() ? status.getAsInt() : null;
        return new TwinStartupException(message, cause, command, exitStatus, outputTail());
    }

    /**
     * Waits up to {@code graceMillis} for the process to end on its own, then kills it; returns its exit
     * status. The kill is a signal only: {@link Process#destroy()} would also close the pipes, and
     * closing the twin's stdin waits for the lock of a writer stuck on a full pipe to a frozen twin, so
     * the kill would never be reached. A polite SIGTERM is skipped too: a frozen twin cannot act on it,
     * and the channel's end of stream has already asked the twin to exit.
     */
    public OptionalInt destroy(long graceMillis) {
        OptionalInt status = awaitExit(graceMillis);
        if (status.isPresent()) {
            return status;
        }
        process.toHandle().destroyForcibly();
        return awaitExit(KILL_WAIT_MILLIS);
    }

    public String id() {
        return spec.id();
    }
}
