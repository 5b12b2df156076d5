package io.cpy2j.internal.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * A twin's stdout is its channel, so JVM flags that would log to stdout are pointed at stderr instead
 * ({@code -verbose:gc}, {@code -Xlog:gc}, {@code -Xlog:gc:stdout}); the master forwards stderr to its log.
 */
final class StdoutGuard {

    private StdoutGuard() {
    }

    static List<String> redirect(List<String> jvmArgs) {
        List<String> result = new ArrayList<>(jvmArgs.size());
        for (String arg : jvmArgs) {
            result.add(redirect(arg));
        }
        return result;
    }

    static String redirect(String arg) {
        if (arg.equals("-verbose:gc")) {
            return "-Xlog:gc:stderr";
        }
        if (arg.equals("-Xlog")) {
            return "-Xlog:all=info:stderr";
        }
        if (!arg.startsWith("-Xlog:") || arg.startsWith("-Xlog:disable") || arg.startsWith("-Xlog:help")) {
            return arg;
        }
        String[] parts = arg.substring("-Xlog:".length()).split(":", -1);
        if (parts.length == 1) {
            return arg + ":stderr";
        }
        if (parts[1].isEmpty() || parts[1].equals("stdout")) {
            parts[1] = "stderr";
            return "-Xlog:" + String.join(":", parts);
        }
        return arg;
    }
}
