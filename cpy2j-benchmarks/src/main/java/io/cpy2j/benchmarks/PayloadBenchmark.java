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

/** Latency of round trips carrying data: 1 KiB, a small record, 1 MiB. The raw pipe has no records. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PayloadBenchmark {

    @Benchmark
    public byte[] cpy2jBytes1KiB(CpyTwin twin) {
        return twin.master.execute(Peers::echoBytes, Payloads.BYTES_1KIB);
    }

    @Benchmark
    public byte[] rmiBytes1KiB(RmiPeer rmi) throws RemoteException {
        return rmi.service.echoBytes(Payloads.BYTES_1KIB);
    }

    @Benchmark
    public byte[] rawPipeBytes1KiB(RawPipe pipe) throws IOException {
        return pipe.roundTrip(Payloads.BYTES_1KIB);
    }

    @Benchmark
    public Point3 cpy2jRecord(CpyTwin twin) {
        return twin.master.execute(Peers::echoRecord, Payloads.POINT);
    }

    @Benchmark
    public Point3 rmiRecord(RmiPeer rmi) throws RemoteException {
        return rmi.service.echoRecord(Payloads.POINT);
    }

    @Benchmark
    public byte[] cpy2jBytes1MiB(CpyTwin twin) {
        return twin.master.execute(Peers::echoBytes, Payloads.BYTES_1MIB);
    }

    @Benchmark
    public byte[] rmiBytes1MiB(RmiPeer rmi) throws RemoteException {
        return rmi.service.echoBytes(Payloads.BYTES_1MIB);
    }

    @Benchmark
    public byte[] rawPipeBytes1MiB(RawPipe pipe) throws IOException {
        return pipe.roundTrip(Payloads.BYTES_1MIB);
    }
}
