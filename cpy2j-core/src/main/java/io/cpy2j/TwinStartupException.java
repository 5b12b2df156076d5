package io.cpy2j;

import java.util.List;
import java.util.OptionalInt;

/**
 * A twin could not be started: no matching JDK, a JVM that exited or stayed silent, a refused handshake.
 * Besides the message, what is known about the attempt is available as data (for a Spring Boot
 * {@code FailureAnalyzer}, say): the command that was run, the exit status and the last lines the twin
 * printed.
 */
public class TwinStartupException extends TwinException {

    private static final long serialVersionUID = 1L;

    private final List<String> command;
    private final Integer exitStatus;
    private final List<String> outputTail;

    public TwinStartupException(String message) {
        this(message, null);
    }

    public TwinStartupException(String message, Throwable cause) {
        this(message, cause, List.of(), null, List.of());
    }

    /**
     * @param command    the twin's command line, empty if it was not built yet
     * @param exitStatus the process's exit status, null if it did not exit (or was not started)
     * @param outputTail the last lines the twin printed on stderr, oldest first
     */
    public TwinStartupException(String message, Throwable cause, List<String> command, Integer exitStatus,
                                List<String> outputTail) {
        super(message, cause);
        this.command = List.copyOf(command);
        this.exitStatus = exitStatus;
        this.outputTail = List.copyOf(outputTail);
    }

    /** The command that started (or tried to start) the twin JVM; empty when it failed before that. */
    public List<String> command() {
        return command;
    }

    /** The twin process's exit status; empty when it did not exit, was never started, or was not known in time. */
    public OptionalInt exitStatus() {
        return exitStatus == null ? OptionalInt.empty() : OptionalInt.of(exitStatus);
    }

    /** The last lines (at most 25) the twin printed on stderr before it failed, oldest first; often empty. */
    public List<String> outputTail() {
        return outputTail;
    }
}
