package io.cpy2j.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Signals the JDK cannot send: freezing a process ({@code SIGSTOP}) to play a wedged twin. */
public final class Signals {

    private Signals() {
    }

    /**
     * Freezes the process: it reads, writes and answers nothing until killed. Returns once the process
     * is stopped, not when the signal was sent: a thread on another core runs on for a moment, long
     * enough to answer a call made right after {@code kill} returned (seen in the chaos trials).
     */
    public static void stop(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -STOP " + pid + " failed");
        }
        awaitState(pid, 'T', 5);
    }

    /** Waits until /proc says the process is in {@code state}; where there is no /proc, returns at once. */
    private static void awaitState(long pid, char state, long seconds) throws InterruptedException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try {
                String text = Files.readString(stat);
                // "pid (command) S ...": the command may hold spaces and parentheses, the state follows the last ')'
                if (text.charAt(text.lastIndexOf(')') + 2) == state) {
                    return;
                }
            } catch (IOException e) {
                return; // no /proc here, or the process is gone: nothing to wait for
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("process " + pid + " not in state " + state + " " + seconds + " s after the signal");
    }
}
