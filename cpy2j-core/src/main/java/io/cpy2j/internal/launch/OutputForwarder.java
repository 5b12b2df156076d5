package io.cpy2j.internal.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Forwards what a twin prints (its stderr, which also carries its {@code System.out}) to the master's
 * log, line by line, under the logger {@code io.cpy2j.twin.<id>}; without an SLF4J provider, to the
 * master's stderr. Keeps the last lines for start-up and death messages.
 */
final class OutputForwarder implements Runnable {

    private static final int TAIL_LINES = 25;

    private final String twinId;
    private final InputStream stream;
    private final Logger log;
    private final boolean toStderr;
    private final Deque<String> tail = new ArrayDeque<>();

    OutputForwarder(String twinId, InputStream stream) {
        this.twinId = twinId;
        this.stream = stream;
        this.log = LoggerFactory.getLogger("io.cpy2j.twin." + twinId);
        this.toStderr = LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                remember(line);
                if (toStderr) {
                    System.err.println("[" + twinId + "] " + line);
                } else {
                    log.info("[{}] {}", twinId, line);
                }
            }
        } catch (IOException e) {
            // the process is gone; its last lines are already kept
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    /** The last lines printed, indented for an exception message; empty if nothing was printed. */
    synchronized String tail() {
        StringBuilder text = new StringBuilder();
        tail.forEach(line -> text.append("\n    ").append(line));
        return text.toString();
    }
}
