package io.cpy2j.internal.call;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Per-call debug lines, switched on by the environment variable {@code CPY2J_DEBUG} (a level name:
 * TRACE, DEBUG, INFO...; empty or unset: off). Twins inherit the variable, so the master and every
 * twin log; each line names both sides ({@code master->jdk25}). With an SLF4J provider the lines are
 * DEBUG (TRACE) events of the logger {@value #LOGGER}, so the application's logging decides where they
 * go; without one they are printed on stderr, as {@code OutputForwarder} does for a twin's output.
 */
public final class CallLog {

    /** The logger the lines go to when SLF4J has a provider. */
    public static final String LOGGER = "io.cpy2j.calls";

    private static final int LEVEL = parse(System.getenv("CPY2J_DEBUG"));
    private static final int DEBUG = 2;
    private static final int TRACE = 1;

    private CallLog() {
    }

    public static boolean isDebug() {
        return LEVEL <= DEBUG;
    }

    public static boolean isTrace() {
        return LEVEL <= TRACE;
    }

    public static void debug(String from, String to, String text) {
        Lines.SINK.accept(from + "->" + to + " " + text);
    }

    /** Initialised by the first line only, so a run without CPY2J_DEBUG never starts SLF4J for it. */
    private static final class Lines {
        static final Consumer<String> SINK = sink(LoggerFactory.getILoggerFactory(), isTrace(),
                line -> System.err.println(line));
    }

    /** Where the lines go: the {@value #LOGGER} logger of {@code factory}, or {@code stderr} if it has no provider. */
    static Consumer<String> sink(ILoggerFactory factory, boolean trace, Consumer<String> stderr) {
        Level level = trace ? Level.TRACE : Level.DEBUG;
        if (factory instanceof NOPLoggerFactory) {
            return line -> stderr.accept("[cpy2j " + level + "] " + line);
        }
        Logger log = factory.getLogger(LOGGER);
        AtomicBoolean hinted = new AtomicBoolean();
        return line -> {
            if (log.isEnabledForLevel(level)) {
                log.atLevel(level).log(line);
            } else if (hinted.compareAndSet(false, true)) {
                log.warn(hint(level));
            }
        };
    }

    /** The variable asked for lines the logging configuration drops: say so once, rather than stay silent. */
    private static String hint(Level level) {
        return "CPY2J_DEBUG=" + level + " is set, but the logger " + LOGGER + " is not enabled for " + level
               + ", so the per-call lines are dropped; enable it in the logging configuration (Spring Boot: "
               + "logging.level." + LOGGER + "=" + level + ")";
    }

    static int parse(String value) {
        if (value == null || value.isBlank()) {
            return Integer.MAX_VALUE;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "TRACE", "ALL" -> TRACE;
            case "DEBUG", "1", "TRUE", "ON" -> DEBUG;
            case "INFO" -> 3;
            case "WARN" -> 4;
            case "ERROR" -> 5;
            default -> Integer.MAX_VALUE;
        };
    }
}
