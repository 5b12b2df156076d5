package io.cpy2j.benchmarks;

import java.io.IOException;
import java.rmi.RemoteException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Latency of the smallest call, {@code int echo(int)}: cpy2j against RMI and the raw pipe floor. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EchoBenchmark {

    @Benchmark
    public int cpy2j(CpyTwin twin) {
        return twin.master.execute(Peers::echo, 42);
    }

    /** The same call watched by a no-op call observer: the cost of the observation hook itself. */
    @Benchmark
    public int cpy2jObserved(ObservedTwin twin) {
        return twin.master.execute(Peers::echo, 42);
    }

    @Benchmark
    public int rmi(RmiPeer rmi) throws RemoteException {
        return rmi.service.echo(42);
    }

    /** 16 bytes each way: no codec, no dispatch, just the two pipes and the child's read loop. */
    @Benchmark
    public byte[] rawPipe(RawPipe pipe) throws IOException {
        return pipe.ping();
    }
}
