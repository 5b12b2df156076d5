package io.cpy2j.internal.object;

/**
 * Text a peer chose (a class name in a breach, its Java vendor), made fit for one line of a log: a
 * subverted twin must not forge log lines with a line break, wherever its words are printed.
 */
public final class LogText {

    /** Every control character (C0, C1: NEL among them) and the Unicode line and paragraph separators. */
    private static final java.util.regex.Pattern BREAKS = java.util.regex.Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}]");

    private LogText() {
    }

    /** Control characters and line separators become '?'. */
    public static String oneLine(String text) {
        return text == null ? null : BREAKS.matcher(text).replaceAll("?");
    }
}
