package io.cpy2j.internal.call;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Per-call debug lines, switched on by the environment variable {@code CPY2J_DEBUG} (a level name:
 * TRACE, DEBUG, INFO...; empty or unset: off). Twins inherit the variable, so the master and every
 * twin print; each line names both sides ({@code master->jdk25}). Printed on stderr directly so it
 * works whatever logging backend (or none) the application has.
 */
public final class CallLog {

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
        PrintStream err = System.err;
        err.println("[cpy2j " + (isTrace() ? "TRACE" : "DEBUG") + "] " + from + "->" + to + " " + text);
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
