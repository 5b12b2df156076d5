package io.cpy2j.benchmarks;

import io.cpy2j.benchmarks.boot.BootTwin;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A call through a {@code @TwinComponent} the starter injected, against the same call on a proxy made
 * with the core, with the starter's call observation off and on. Targets: injected / core at most 1.05
 * with observation off, 1.25 with it on.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class StarterBenchmark {

    @Benchmark
    public int injectedComponent(BootTwin twin) {
        return twin.injected().echo(42);
    }

    @Benchmark
    public int coreProxy(BootTwin twin) {
        return twin.core().echo(42);
    }
}
