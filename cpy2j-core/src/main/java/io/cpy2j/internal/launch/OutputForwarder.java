package io.cpy2j.internal.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Forwards what a twin prints (its stderr, which also carries its {@code System.out}) to the master's
 * log, line by line, under the logger {@code io.cpy2j.twin.<id>}; without an SLF4J provider, to the
 * master's stderr. Keeps the last lines for start-up and death messages.
 *
 * <p>Memory stays bounded whatever the twin prints: a line longer than {@link #MAX_LINE_BYTES} is cut
 * (the rest is counted and dropped, never kept), and the kept tail holds short lines only. Lines the
 * {@code quiet} filter claims (JVM notices cpy2j handles itself) are logged at debug level only.
 */
final class OutputForwarder implements Runnable {

    /** The longest line forwarded, in bytes; a log line beyond this helps nobody and costs memory. */
    static final int MAX_LINE_BYTES = 64 * 1024;
    /** The longest line kept in the tail, in chars: the tail goes into exception messages. */
    static final int MAX_TAIL_LINE_CHARS = 1000;

    private static final int TAIL_LINES = 25;

    private final String twinId;
    private final InputStream stream;
    private final Predicate<String> quiet;
    private final Consumer<String> sink;
    private final Logger log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int length;
    private long dropped;
    private boolean afterCarriageReturn;

    OutputForwarder(String twinId, InputStream stream, Predicate<String> quiet) {
        this(twinId, stream, quiet, null);
    }

    /** {@code sink} receives each forwarded line; null means the twin's logger (or stderr), as in production. */
    OutputForwarder(String twinId, InputStream stream, Predicate<String> quiet, Consumer<String> sink) {
        this.twinId = twinId;
        this.stream = stream;
        this.quiet = quiet;
        this.log = LoggerFactory.getLogger("io.cpy2j.twin." + twinId);
        this.sink = sink != null ? sink : defaultSink(twinId, log);
    }

    private static Consumer<String> defaultSink(String twinId, Logger log) {
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            return text -> System.err.println("[" + twinId + "] " + text);
        }
        return text -> log.info("[{}] {}", twinId, text);
    }

    @Override
    public void run() {
        byte[] chunk = new byte[8192];
        try (stream) {
            int count;
            while ((count = stream.read(chunk)) != -1) {
                for (int i = 0; i < count; i++) {
                    accept(chunk[i]);
                }
            }
        } catch (IOException e) {
            // the process is gone; its last lines are already kept
        }
        if (length > 0 || dropped > 0) {
            endLine(); // a last line without a line break, as BufferedReader.readLine returned it
        }
    }

    /** Line breaks are \n, \r or \r\n, as for {@link java.io.BufferedReader#readLine()}. */
    private void accept(byte b) {
        boolean skip = b == '\n' && afterCarriageReturn;
        afterCarriageReturn = b == '\r';
        if (skip) {
            return;
        }
        if (b == '\n' || b == '\r') {
            endLine();
        } else if (length < line.length) {
            line[length++] = b;
        } else {
            dropped++;
        }
    }

    private void endLine() {
        String text = decode();
        length = 0;
        dropped = 0;
        if (quiet.test(text)) {
            log.debug("[{}] {}", twinId, text);
            return;
        }
        remember(text);
        sink.accept(text);
    }

    /** The kept bytes as UTF-8; a line that was cut loses a split last character and gets a marker. */
    private String decode() {
        if (dropped == 0) {
            return new String(line, 0, length, StandardCharsets.UTF_8);
        }
        int whole = Utf8.completePrefix(line, length);
        long cut = dropped + length - whole;
        return new String(line, 0, whole, StandardCharsets.UTF_8) + "… [cut: " + cut + " more bytes]";
    }

    private synchronized void remember(String text) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(text.length() <= MAX_TAIL_LINE_CHARS ? text
                : text.substring(0, MAX_TAIL_LINE_CHARS) + "… [cut: " + (text.length() - MAX_TAIL_LINE_CHARS)
                        + " more chars]");
    }

    /** The last lines printed, indented for an exception message; empty if nothing was printed. */
    String tail() {
        StringBuilder text = new StringBuilder();
        tailLines().forEach(kept -> text.append("\n    ").append(kept));
        return text.toString();
    }

    /** The last lines printed, oldest first: the same lines as {@link #tail()}, as data. */
    synchronized List<String> tailLines() {
        return List.copyOf(tail);
    }

    /** Where a cut may fall in UTF-8 without splitting a character. */
    static final class Utf8 {

        private Utf8() {
        }

        /** The length of {@code bytes[0, length)} without a last character whose bytes are not all there. */
        static int completePrefix(byte[] bytes, int length) {
            int start = length - 1;
            while (start >= 0 && length - start < 4 && isContinuation(bytes[start])) {
                start--;
            }
            if (start < 0) {
                return length;
            }
            return start + sequenceLength(bytes[start]) > length ? start : length;
        }

        private static boolean isContinuation(byte b) {
            return (b & 0xC0) == 0x80;
        }

        /** How many bytes the character starting with {@code lead} has; 1 for ASCII and malformed bytes. */
        private static int sequenceLength(byte lead) {
            if ((lead & 0xE0) == 0xC0) {
                return 2;
            }
            if ((lead & 0xF0) == 0xE0) {
                return 3;
            }
            return (lead & 0xF8) == 0xF0 ? 4 : 1;
        }
    }
}
