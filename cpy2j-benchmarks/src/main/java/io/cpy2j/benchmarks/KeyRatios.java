package io.cpy2j.benchmarks;

import io.cpy2j.benchmarks.MarkdownReport.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The comparisons that summarize a run, each as a Markdown table row; pairs missing from the run are left out. */
final class KeyRatios {

    private record Ratio(String label, String numerator, String denominator, String readsAs) {
    }

    private static final List<Ratio> RATIOS = List.of(
            new Ratio("cpy2j echo / raw pipe echo", "EchoBenchmark.cpy2j", "EchoBenchmark.rawPipe",
                    "times the latency of the bare pipe"),
            new Ratio("cpy2j echo / RMI echo", "EchoBenchmark.cpy2j", "EchoBenchmark.rmi",
                    "times RMI's latency (below 1: faster)"),
            new Ratio("cpy2j record / RMI record", "PayloadBenchmark.cpy2jRecord", "PayloadBenchmark.rmiRecord",
                    "times RMI's latency (below 1: faster)"),
            new Ratio("cpy2j 8-thread throughput / RMI 8-thread throughput", "ThroughputBenchmark.cpy2jThreads8",
                    "ThroughputBenchmark.rmiThreads8", "times RMI's calls per second (above 1: more)"),
            new Ratio("cpy2j 1 MiB / raw pipe 1 MiB", "PayloadBenchmark.cpy2jBytes1MiB",
                    "PayloadBenchmark.rawPipeBytes1MiB", "times the latency of the bare pipe"),
            new Ratio("twin to twin (through the master) / master to twin object",
                    "TwinObjectBenchmark.cpy2jTwinToTwin", "TwinObjectBenchmark.cpy2jObjectEcho",
                    "times a direct call on a twin object"),
            new Ratio("observed echo / echo (a no-op TwinCallObserver)", "EchoBenchmark.cpy2jObserved",
                    "EchoBenchmark.cpy2j", "times an unobserved call (target: at most 1 µs more)"),
            new Ratio("injected @TwinComponent / core proxy", "StarterBenchmark.injectedComponent",
                    "StarterBenchmark.coreProxy", "times the same call on a core proxy (observation=true: both"
                    + " observed; targets 1.05 off, 1.25 on against the unobserved core row)"),
            new Ratio("twin start / bare JVM start", "StartupBenchmark.twinStart", "StartupBenchmark.bareJvm",
                    "times a bare JVM's start-up"));

    private KeyRatios() {
    }

    static List<String> rows(List<Result> results) {
        List<String> rows = new ArrayList<>();
        for (Ratio ratio : RATIOS) {
            for (Result top : find(results, ratio.numerator())) {
                // Divide only like by like: same parameters (the JDK for start-up) and same unit.
                Optional<Result> bottom = find(results, ratio.denominator()).stream()
                        .filter(r -> r.params().equals(top.params()) && r.unit().equals(top.unit())).findFirst();
                bottom.ifPresent(b -> rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", ratio.label(),
                        top.paramsText(), times(top.score(), b.score()), times(top.p50(), b.p50()), ratio.readsAs())));
            }
        }
        return rows;
    }

    /** Blank when either side has no such figure (p50 exists for sample-time results only). */
    private static String times(double numerator, double denominator) {
        double ratio = numerator / denominator;
        return Double.isNaN(ratio) || Double.isInfinite(ratio) ? "" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static List<Result> find(List<Result> results, String benchmark) {
        return results.stream().filter(r -> r.benchmark().equals(benchmark)).toList();
    }
}
