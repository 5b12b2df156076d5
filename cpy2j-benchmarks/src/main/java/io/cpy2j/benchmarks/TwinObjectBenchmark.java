package io.cpy2j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls on a twin object through its proxy, plain and with one nested call back into the master;
 * compare with {@link EchoBenchmark#cpy2j} for what references and nesting add to a static call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TwinObjectBenchmark {

    @Benchmark
    public int cpy2jObjectEcho(CpyTwin twin) {
        return twin.counter.echo(42);
    }

    @Benchmark
    public int cpy2jCallback(CpyTwin twin) {
        return twin.counter.callBack(twin.callback, 42);
    }

    /**
     * Master to twin B, whose call on a proxy of A's object goes through the master to twin A and back:
     * four hops, against {@link #cpy2jObjectEcho}'s two.
     */
    @Benchmark
    public int cpy2jTwinToTwin(CpyTwin twin, TwoTwins twins) {
        return twins.other.execute(TwoTwins::echoThrough, twin.counter);
    }
}
