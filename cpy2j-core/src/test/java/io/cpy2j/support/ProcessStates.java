package io.cpy2j.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} is also true for a zombie: a process that
 * has ended but was not yet reaped by its parent. A twin whose master was killed is reparented to the
 * system's init, and how soon that reaps it is the machine's business (in some containers, a second or
 * more), so the chaos trials tell "ended" (runs no code, holds no memory) from "reaped" (pid gone).
 */
public final class ProcessStates {

    private ProcessStates() {
    }

    /** Alive and not a zombie; where there is no {@code /proc} (not Linux), just alive. */
    public static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // "pid (command) S ...": the command may hold spaces and parentheses, the state follows the last ')'
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // gone between the two looks, or no /proc here
        }
    }
}
