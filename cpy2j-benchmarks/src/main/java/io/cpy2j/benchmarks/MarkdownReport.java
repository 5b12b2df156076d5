package io.cpy2j.benchmarks;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns JMH's JSON results ({@code -rf json}) into Markdown: every result, then the key ratios.
 * Usage: {@code java -cp benchmarks.jar io.cpy2j.benchmarks.MarkdownReport results.json > results.md}
 */
public final class MarkdownReport {

    private static final String PACKAGE = MarkdownReport.class.getPackageName() + ".";

    /** One JMH result; {@code benchmark} is {@code Class.method} without the package. */
    record Result(String benchmark, String mode, int threads, Map<String, String> params, double score,
                  double error, String unit, double p50, double p99) {

        String paramsText() {
            return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        }
    }

    private MarkdownReport() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: MarkdownReport <jmh-results.json>");
            System.exit(2);
        }
        // UTF-8 whatever the platform charset, for the "±" and "×" in a Markdown file.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        out.print(render(read(Path.of(args[0]))));
        out.flush();
    }

    static List<Result> read(Path file) {
        JsonNode root = JsonMapper.shared().readTree(file.toFile());
        List<Result> results = new ArrayList<>();
        for (JsonNode run : root.values()) {
            JsonNode metric = run.path("primaryMetric");
            Map<String, String> params = new LinkedHashMap<>();
            run.path("params").properties().forEach(p -> params.put(p.getKey(), p.getValue().asString()));
            String mode = run.path("mode").asString();
            // Other modes have percentiles too, but of iteration scores, not of single calls.
            JsonNode percentiles = mode.equals("sample") ? metric.path("scorePercentiles") : MissingNode.getInstance();
            results.add(new Result(run.path("benchmark").asString().replace(PACKAGE, ""), mode,
                    run.path("threads").asInt(), params, number(metric.path("score")), number(metric.path("scoreError")),
                    metric.path("scoreUnit").asString(), number(percentiles.path("50.0")),
                    number(percentiles.path("99.0"))));
        }
        return results;
    }

    /** JMH writes an unknown error as the string "NaN". */
    private static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        try {
            return Double.parseDouble(node.asString(""));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String render(List<Result> results) {
        StringBuilder md = new StringBuilder("## Results\n\n");
        if (results.isEmpty()) {
            return md.append("No results: no benchmark matched, or every one failed (see the JMH output).\n").toString();
        }
        md.append("p50 and p99 are per call, for sample-time results only.\n\n");
        md.append("| Benchmark | Mode | Threads | Params | Score | Error | p50 | p99 | Unit |\n");
        md.append("|---|---|---:|---|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |%n", r.benchmark(),
                    r.mode(), r.threads(), r.paramsText(), format(r.score()),
                    Double.isNaN(r.error()) ? "" : "± " + format(r.error()), format(r.p50()), format(r.p99()),
                    r.unit()));
        }
        List<String> ratios = KeyRatios.rows(results);
        md.append("\n## Key ratios\n\n");
        if (ratios.isEmpty()) {
            md.append("None: the results lack the benchmark pairs the ratios compare.\n");
        } else {
            // Sample-time means carry the slow tail (GC, scheduling); the p50 ratio shows the typical call.
            md.append("| Ratio | Params | Score ratio | p50 ratio | Reads as |\n|---|---|---:|---:|---|\n");
            ratios.forEach(md::append);
        }
        return md.toString();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 1000 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
