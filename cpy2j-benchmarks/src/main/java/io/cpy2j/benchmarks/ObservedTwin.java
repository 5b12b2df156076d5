package io.cpy2j.benchmarks;

import io.cpy2j.TwinCallObserver;
import io.cpy2j.TwinMaster;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A twin whose calls a no-op {@link TwinCallObserver} watches: what observation itself costs. */
@State(Scope.Benchmark)
public class ObservedTwin {

    TwinMaster master;

    @Setup(Level.Trial)
    public void start() {
        master = TwinMaster.builder("bench-observed").callObserver(new TwinCallObserver() { }).build().start();
        Checks.expect(master.execute(Peers::echo, 7), 7, "cpy2j observed echo");
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (master != null) {
            master.close();
        }
    }
}
