package io.cpy2j.benchmarks;

import io.cpy2j.TwinMaster;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A second twin holding a reference to a {@link Counter} that lives in the first ({@link CpyTwin}). */
@State(Scope.Benchmark)
public class TwoTwins {

    TwinMaster other;

    @Setup(Level.Trial)
    public void start(CpyTwin first) {
        other = TwinMaster.builder("bench-other").build().start();
        Checks.expect(other.execute(TwoTwins::echoThrough, first.counter), 42, "cpy2j twin to twin");
    }

    /** Runs in the second twin: the call on the proxy reaches the first twin through the master. */
    static int echoThrough(Counter counter) {
        return counter.echo(42);
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (other != null) {
            other.close();
        }
    }
}
