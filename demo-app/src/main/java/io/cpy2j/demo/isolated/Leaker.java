package io.cpy2j.demo.isolated;

import io.cpy2j.boot.TwinComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * A badly behaved component, the kind one isolates: it keeps what it allocates until its heap is gone,
 * or ends its JVM outright. It lives in the isolated twin (64 MB of heap), so only that JVM dies; twins
 * exit on OutOfMemoryError rather than limp on.
 */
@TwinComponent(twin = "isolated")
public class Leaker {

    private static final int MEGABYTE = 1 << 20;
    private final List<byte[]> kept = new ArrayList<>();

    /** Keeps {@code megabytes} more; never returns once the heap is full. */
    public int leak(int megabytes) {
        for (int i = 0; i < megabytes; i++) {
            kept.add(new byte[MEGABYTE]);
        }
        return kept.size();
    }

    /** Ends the twin's JVM, as a library with a careless System.exit would. */
    public void exit(int status) {
        System.exit(status);
    }

    /** How many megabytes it holds: what the page shows before the crash. */
    public int keptMegabytes() {
        return kept.size();
    }

    public long pid() {
        return ProcessHandle.current().pid();
    }
}
