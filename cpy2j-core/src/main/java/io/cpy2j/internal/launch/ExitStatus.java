package io.cpy2j.internal.launch;

import java.util.Map;

/** Words for a process exit status, as the JDK reports it on Unix (128 + n when killed by signal n). */
public final class ExitStatus {

    private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT",
            9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private ExitStatus() {
    }

    public static String describe(int status) {
        if (status > 128 && status < 128 + 65 && !JdkInstallation.isWindows()) {
            int signal = status - 128;
            return "exit status " + status + " (killed by signal " + signal
                    + (SIGNALS.containsKey(signal) ? ", " + SIGNALS.get(signal) : "") + ")";
        }
        return "exit status " + status;
    }
}
