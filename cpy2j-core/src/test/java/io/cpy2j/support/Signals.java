package io.cpy2j.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Signals the JDK cannot send: freezing a process ({@code SIGSTOP}) to play a wedged twin. */
public final class Signals {

    private Signals() {
    }

    /** Freezes the process: it reads, writes and answers nothing until killed. */
    public static void stop(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -STOP " + pid + " failed");
        }
    }
}
