package io.cpy2j.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Asynchronous calls from one thread: a batch of {@code echo(int)} submitted at once, then awaited.
 * Scored per call, so the result reads as calls per second with many in flight.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AsyncBenchmark {

    static final int BATCH = 1000;

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public int cpy2jAsync(CpyTwin twin) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer>[] calls = new CompletableFuture[BATCH];
        for (int i = 0; i < BATCH; i++) {
            calls[i] = twin.master.submit(Peers::echo, i);
        }
        int sum = 0;
        for (CompletableFuture<Integer> call : calls) {
            sum += call.join();
        }
        return sum;
    }
}
