package io.cpy2j.boot.autoconfigure.diagnostics;

import io.cpy2j.TwinStartupException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A twin JVM that did not start: shows its command line, exit status and last output lines. */
final class TwinStartupFailureAnalyzer extends AbstractFailureAnalyzer<TwinStartupException> {

    private static final String ACTION = "Check the twin's jvm-args, classpath and java-home/java-version under "
            + "cpy2j.twins; if it is only slow to start, raise its startup-timeout.";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TwinStartupException cause) {
        if (cause.command().isEmpty()) {
            return new FailureAnalysis(cause.getMessage(), ACTION, cause);
        }
        StringBuilder description = new StringBuilder(firstSentence(cause.getMessage()));
        description.append("%n%n    Command: ".formatted()).append(String.join(" ", cause.command()));
        cause.exitStatus().ifPresent(status -> description.append("%n    Exit status: ".formatted()).append(status));
        if (!cause.outputTail().isEmpty()) {
            description.append("%n    Last output:%n        ".formatted())
                    .append(String.join("%n        ".formatted(), cause.outputTail()));
        }
        return new FailureAnalysis(description.toString(), ACTION, cause);
    }

    /** The core's message goes on with the output and command, which the description lays out itself. */
    private static String firstSentence(String message) {
        int end = message.indexOf(". ");
        int line = message.indexOf('\n');
        int cut = end < 0 ? line : line < 0 ? end : Math.min(end, line);
        return cut < 0 ? message : message.substring(0, cut) + ".";
    }
}
