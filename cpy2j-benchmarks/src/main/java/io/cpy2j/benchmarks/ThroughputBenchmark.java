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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code echo(int)} calls per second with 1, 2 and 8 threads sharing one connection (one twin, one RMI
 * stub): shows how each multiplexes concurrent calls. The raw pipe serves one conversation, so one thread.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ThroughputBenchmark {

    @Benchmark
    @Threads(1)
    public int cpy2jThreads1(CpyTwin twin) {
        return twin.master.execute(Peers::echo, 42);
    }

    @Benchmark
    @Threads(2)
    public int cpy2jThreads2(CpyTwin twin) {
        return twin.master.execute(Peers::echo, 42);
    }

    @Benchmark
    @Threads(8)
    public int cpy2jThreads8(CpyTwin twin) {
        return twin.master.execute(Peers::echo, 42);
    }

    @Benchmark
    @Threads(1)
    public int rmiThreads1(RmiPeer rmi) throws RemoteException {
        return rmi.service.echo(42);
    }

    @Benchmark
    @Threads(2)
    public int rmiThreads2(RmiPeer rmi) throws RemoteException {
        return rmi.service.echo(42);
    }

    @Benchmark
    @Threads(8)
    public int rmiThreads8(RmiPeer rmi) throws RemoteException {
        return rmi.service.echo(42);
    }

    @Benchmark
    @Threads(1)
    public byte[] rawPipeThreads1(RawPipe pipe) throws IOException {
        return pipe.ping();
    }
}
