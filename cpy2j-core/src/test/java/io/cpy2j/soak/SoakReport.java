package io.cpy2j.soak;

import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** The soak's section of docs/reliability.md. */
final class SoakReport {

    private SoakReport() {
    }

    static String markdown(SoakRun run) {
        SoakLoad load = run.load();
        Footprint base = run.baseline();
        Footprint end = run.end();
        StringBuilder md = new StringBuilder();
        md.append("## Soak\n\n");
        md.append(String.format(Locale.ROOT, "%d threads calling for %d s after a %d s warm-up (seed %d, twin on %s): "
                        + "plain and asynchronous calls, twin objects made and dropped, callbacks three deep; the twin "
                        + "killed with `kill -9` every %d s and brought back by `RestartPolicy.onFailure`.%n%n",
                SoakTest.THREADS, run.seconds(), run.warmUp(), run.seed(), run.twinJdk(), run.interval().toSeconds()));
        md.append("| figure | value |\n|---|---|\n");
        row(md, "calls between runtimes", load.calls.sum());
        row(md, "of which asynchronous", load.asyncCalls.sum());
        row(md, "callback chains (three callbacks into the master each)", load.chains.sum());
        row(md, String.format(Locale.ROOT, "proxies of twin objects made and dropped (due at %,d/min: %,d)",
                SoakRun.PROXIES_PER_MINUTE, run.proxiesDue()), run.proxiesMade());
        row(md, "master objects exported to the twin (callbacks) and dropped", load.callbacksExported.sum());
        row(md, "restarts (kill -9)", run.downtimes().size());
        md.append("| each restart, kill to running again | ").append(run.downtimes().stream()
                .map(SoakReport::seconds).collect(Collectors.joining(", "))).append(" |\n");
        row(md, "calls failed with TwinTerminatedException during a restart", load.terminated.sum());
        row(md, "calls failed with StaleTwinReferenceException during a restart", load.stale.sum());
        row(md, "other failures", load.failures.size());
        md.append("| slowest operation with no restart under way | ")
                .append(seconds(Duration.ofNanos(load.slowestNanos.get()))).append(" |\n\n");
        md.append("Baseline after the warm-up against the end, after waiting ").append(seconds(run.settled()))
                .append(" for releases and idle threads:\n\n");
        md.append("| | baseline | end | bound | held |\n|---|---|---|---|---|\n");
        compare(md, "live twin objects held by the master", base.twinObjects(), end.twinObjects(), "equal",
                end.twinObjects() == base.twinObjects());
        compare(md, "master's proxies of twin objects", base.proxies(), end.proxies(), "equal",
                end.proxies() == base.proxies());
        compare(md, "master's objects held by the twin", base.exported(), end.exported(), "equal",
                end.exported() == base.exported());
        md.append(String.format(Locale.ROOT, "| master's heap after GC | %.1f MiB | %.1f MiB (%+.1f%%) | at most +%.0f%% | %s |%n",
                mib(base.heapAfterGc()), mib(end.heapAfterGc()), run.heapChangePercent(),
                SoakRun.HEAP_TOLERANCE * 100, yes(run.heapHeld())));
        compare(md, "master's threads", base.threads().size(), end.threads().size(), "no more",
                end.threads().size() <= base.threads().size());
        compare(md, "master's open file descriptors", base.fds(), end.fds(), "no more", end.fds() <= base.fds());
        md.append("\nThe classes whose instances grew most on the master's heap (live, after GC; the baseline's "
                        + "histogram, kept for this comparison, is among them as HashMap$Node, String and byte[]): ")
                .append(String.join("; ", end.histogram().grownSince(base.histogram(), 5))).append(".\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String what, long value) {
        md.append("| ").append(what).append(" | ").append(String.format(Locale.ROOT, "%,d", value)).append(" |\n");
    }

    private static void compare(StringBuilder md, String what, long base, long end, String bound, boolean held) {
        md.append("| ").append(what).append(" | ").append(base).append(" | ").append(end).append(" | ").append(bound)
                .append(" | ").append(yes(held)).append(" |\n");
    }

    private static String yes(boolean held) {
        return held ? "yes" : "**no**";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
