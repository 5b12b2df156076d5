package io.cpy2j.internal.master;

/** Text a twin chose (a class name in a breach, its Java vendor), made fit for one line of the master's log. */
final class LogText {

    private LogText() {
    }

    /** Control characters become '?': a subverted twin must not forge log lines with a line break. */
    static String oneLine(String text) {
        return text == null ? null : text.replaceAll("\\p{Cntrl}", "?");
    }
}
