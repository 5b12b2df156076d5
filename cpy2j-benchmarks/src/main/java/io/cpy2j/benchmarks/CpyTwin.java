package io.cpy2j.benchmarks;

import io.cpy2j.TwinMaster;
import io.cpy2j.Twins;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** One twin on the benchmark JVM's own JDK, shared by all benchmark threads (as an application would). */
@State(Scope.Benchmark)
public class CpyTwin {

    /** The twin id {@link Counter} is pinned to. */
    public static final String ID = "bench";

    TwinMaster master;
    Counter counter;
    IntCallback callback;

    @Setup(Level.Trial)
    public void start() {
        master = TwinMaster.builder(ID).build().start();
        counter = master.create(Counter.class);
        callback = Twins.export(new MasterEcho(), IntCallback.class);
        // Fail the trial now rather than benchmark a broken path.
        Checks.expect(master.execute(Peers::echo, 7), 7, "cpy2j echo");
        Checks.expect(counter.echo(8), 8, "cpy2j twin object");
        Checks.expect(counter.callBack(callback, 9), 9, "cpy2j callback");
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (master != null) {
            master.close();
        }
    }

    /** Master-side; exported, so the twin receives a reference and its calls come back here. */
    static final class MasterEcho implements IntCallback {
        @Override
        public int apply(int value) {
            return value;
        }
    }
}
