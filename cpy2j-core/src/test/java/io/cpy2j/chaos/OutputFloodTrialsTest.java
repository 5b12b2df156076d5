package io.cpy2j.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.cpy2j.TwinMaster;
import io.cpy2j.support.Reliability;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A twin that fills its stdout and stderr as fast as it can while serving calls: calls keep flowing and
 * the master's used heap (after a GC) stays within 64 MiB of what it was before the flood. Each trial is
 * one second of flood in which calls must complete and the heap is sampled. The forwarded lines go to a
 * counting appender only, so the flood does not reach the build's log.
 *
 * <p>5 seconds in CI; the full 100: {@code ./mvnw -pl cpy2j-core test -Dtest='OutputFloodTrialsTest'
 * -Dcpy2j.reliability=full} (or {@code -Dcpy2j.chaos.trials=N}). Figures: {@code target/reliability/chaos-output-flood.md}.
 */
@Tag("faults")
class OutputFloodTrialsTest {

    static final String TWIN_ID = "chaos-flood";
    static final long HEAP_BOUND = 64L << 20;
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
    static final long TRIALS = Reliability.size("cpy2j.chaos.trials", 5, 100);

    static final Logger forwarded = (Logger) LoggerFactory.getLogger("io.cpy2j.twin." + TWIN_ID);
    static final AtomicLong lines = new AtomicLong();
    static final AtomicLong chars = new AtomicLong();
    static final AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.incrementAndGet();
            chars.addAndGet(event.getFormattedMessage().length());
        }
    };
    static final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    static final Latencies calls = new Latencies();
    static TwinMaster twin;
    static long baseline;
    static long maxHeap;
    static long stopNanos;

    @BeforeAll
    static void start() {
        counter.start();
        forwarded.addAppender(counter);
        forwarded.setAdditive(false); // the flood stays out of the console and surefire's reports
        forwarded.setLevel(Level.INFO);
        twin = TwinMaster.builder(TWIN_ID).callTimeout(Duration.ofSeconds(10)).shutdownTimeout(SHUTDOWN_TIMEOUT)
                .build().start();
        baseline = usedHeapAfterGc();
    }

    @AfterAll
    static void close() {
        if (twin != null) {
            twin.close();
        }
        forwarded.detachAppender(counter);
        forwarded.setAdditive(true);
        report();
    }

    @Test
    void callsKeepFlowingAndTheMastersHeapStaysBoundedWhileTheTwinFloodsItsOutput() {
        assertThat(twin.execute(ChaosFunctions::startFlood)).isEqualTo(2);
        for (int trial = 1; trial <= TRIALS; trial++) {
            long linesBefore = lines.get();
            int made = callForASecond();
            long used = usedHeapAfterGc() - calls.retainedBytes(); // the test's own record of call times aside
            maxHeap = Math.max(maxHeap, used);
            assertThat(made).as("second %d of the flood: calls completed", trial).isPositive();
            assertThat(lines.get()).as("second %d of the flood: lines forwarded", trial).isGreaterThan(linesBefore);
            assertThat(used - baseline).as("second %d of the flood: heap growth over the baseline of %d MiB", trial,
                    baseline >> 20).isLessThan(HEAP_BOUND);
        }
        twin.execute(ChaosFunctions::stopFlood);
        long started = System.nanoTime();
        twin.stop();
        stopNanos = System.nanoTime() - started;
        assertThat(Duration.ofNanos(stopNanos)).as("stop() after the flood").isLessThan(SHUTDOWN_TIMEOUT.plusSeconds(1));
    }

    /** Calls the flooding twin for one second; each call's time goes to the figures. */
    private static int callForASecond() {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        int made = 0;
        while (System.nanoTime() < end) {
            long started = System.nanoTime();
            long pid = twin.execute(ChaosFunctions::pid);
            calls.add(System.nanoTime() - started);
            assertThat(pid).isEqualTo(twin.pid().getAsLong());
            made++;
        }
        return made;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void report() {
        Reliability.report("chaos-output-flood", """
                ## Chaos: a twin flooding its stdout and stderr

                %d seconds (`OutputFloodTrialsTest`, one trial a second): two threads in the twin print to
                `System.out` and `System.err` as fast as they can (short lines, and every 10,000th a line of
                256 KiB that the master cuts at 64 KiB) while the master calls the twin without pause. The master
                forwarded %,d lines (%,d MiB of text) to its log (a counting appender here), completed %,d calls,
                and its used heap after a GC went from %d MiB before the flood to at most %d MiB (bound: +64 MiB;
                not counting the test's own record of every call's time, %d MiB at the end).
                `stop()` afterwards took %s.

                %s
                %s""".formatted(TRIALS, lines.get(), chars.get() >> 20, calls.count(), baseline >> 20, maxHeap >> 20,
                calls.retainedBytes() >> 20, Latencies.millis(stopNanos), Latencies.header(), calls.row("a call during the flood")));
    }
}
