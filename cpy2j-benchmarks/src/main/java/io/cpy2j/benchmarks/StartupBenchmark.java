package io.cpy2j.benchmarks;

import io.cpy2j.JdkNotFoundException;
import io.cpy2j.TwinMaster;
import io.cpy2j.benchmarks.peers.BareJvm;
import io.cpy2j.benchmarks.peers.ChildJvm;
import io.cpy2j.JdkInfo;
import io.cpy2j.Twins;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to a usable twin (launch, handshake, first call returned) against the time a bare JVM on the
 * same JDK and classpath takes to print one line: what cpy2j adds to starting a JVM. Stopping is not
 * measured. A JDK that is not installed fails its case with a message; skip it with {@code -p javaVersion=17}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@State(Scope.Benchmark)
public class StartupBenchmark {

    private static final AtomicInteger IDS = new AtomicInteger();

    @Param({"17", "25"})
    public int javaVersion;

    private JdkInfo jdk;
    private TwinMaster twin;
    private Process bare;

    @Setup(Level.Trial)
    public void findJdk() {
        try {
            // The same lookup TwinMasterBuilder.javaVersion does, so both benchmarks start the same JDK.
            jdk = Twins.installedJdks().stream().filter(j -> j.featureVersion() == javaVersion).findFirst()
                    .orElseThrow(() -> new JdkNotFoundException("no JDK " + javaVersion + " among " + Twins.installedJdks()));
        } catch (JdkNotFoundException e) {
            throw new IllegalStateException("StartupBenchmark cannot run with javaVersion=" + javaVersion + ": "
                    + e.getMessage() + " Choose installed versions with -p javaVersion=<n>[,<m>].", e);
        }
    }

    @Benchmark
    public int twinStart() {
        // A fresh id each time: one master per id may exist, and the previous one closes only in tearDown.
        twin = TwinMaster.builder("start-" + javaVersion + "-" + IDS.incrementAndGet()).javaVersion(javaVersion)
                .build().start();
        return twin.execute(Peers::echo, 1);
    }

    @Benchmark
    public String bareJvm() throws IOException {
        bare = ChildJvm.start(jdk.home().resolve("bin").resolve("java"), BareJvm.class);
        // Not closed here: that would close the pipe while the child may still be writing; tearDown kills it.
        BufferedReader reader = new BufferedReader(new InputStreamReader(bare.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (!BareJvm.READY.equals(line)) {
            throw new IllegalStateException("bare JVM printed " + line + " instead of " + BareJvm.READY);
        }
        return line;
    }

    @TearDown(Level.Invocation)
    public void stopJvms() {
        if (twin != null) {
            twin.close();
            twin = null;
        }
        ChildJvm.stop(bare);
        bare = null;
    }
}
