package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.fixtures.objects.Bouncer;
import io.cpy2j.fixtures.objects.Node;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A seeded random mix of everything a kernel does at once: blocking and asynchronous calls from many
 * threads, twin objects made and dropped, callbacks three deep, values of up to 2 MiB, and the twin
 * killed with {@code kill -9} and started again. Every call must end, with its result or a typed
 * {@link TwinException} that a kill explains, within {@link #CALL_BOUND}; no thread may be left waiting.
 *
 * <p>Runs about 30 s by default; longer, or again with the seed a failure printed:
 * {@code ./mvnw -pl cpy2j-core test -Dtest=KernelStressTest -Dcpy2j.stress.seconds=600 -Dcpy2j.stress.seed=42}
 */
class KernelStressTest {

    static final Duration CALL_BOUND = Duration.ofSeconds(30);
    /**
     * Longest a call may wait with no kill or restart under way: each operation here takes milliseconds,
     * so a call still waiting after this is stuck (a kill would later release it and hide the hang).
     */
    static final Duration STUCK_BOUND = Duration.ofSeconds(5);
    static final int WORKERS = 6;

    private final long seed = Long.getLong("cpy2j.stress.seed", new Random().nextLong());
    private final long seconds = Long.getLong("cpy2j.stress.seconds", 30);
    /** Odd while a kill and restart is under way: a call that overlaps one may fail, and only then. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile long epochChangedNanos = System.nanoTime();
    private final Map<Thread, Long> callStarted = new ConcurrentHashMap<>();
    private final Queue<String> failures = new ConcurrentLinkedQueue<>();
    private final Queue<CompletableFuture<?>> futures = new ConcurrentLinkedQueue<>();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong kills = new AtomicLong();
    private TwinMaster twin;

    @Test
    void everyCallEndsInTimeWithItsResultOrATypedExceptionWhileTheTwinIsKilledAtRandom() throws Exception {
        System.out.println("KernelStressTest seed=" + seed + " seconds=" + seconds);
        twin = TwinMaster.builder("stress").shutdownTimeout(Duration.ofSeconds(2)).build().start();
        try {
            run();
        } catch (AssertionError | Exception e) {
            throw new AssertionError("KernelStressTest failed with seed " + seed + " (rerun with -Dcpy2j.stress.seed="
                    + seed + "): " + e.getMessage(), e);
        } finally {
            twin.close();
        }
    }

    private void run() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < WORKERS; i++) {
            Random random = new Random(seed + i);
            threads.add(start("stress-worker-" + i, () -> work(random, deadline)));
        }
        threads.add(start("stress-killer", () -> killAtRandom(new Random(seed - 1), deadline)));
        while (threads.stream().anyMatch(Thread::isAlive)) {
            assertNoCallOverdue();
            Thread.sleep(200);
        }
        for (CompletableFuture<?> future : futures) {
            assertThat(future).as("an asynchronous call").succeedsWithin(CALL_BOUND); // each failure was judged as it completed
        }
        assertThat(failures).as("calls that failed without a kill to explain it").isEmpty();
        assertThat(twin.callsInFlight()).as("calls left in flight").isZero();
        assertThat(calls.get()).as("calls made").isGreaterThan(100);
        System.out.println("KernelStressTest seed=" + seed + ": " + calls.get() + " calls, " + kills.get() + " kills");
    }

    private void work(Random random, long deadline) {
        while (System.nanoTime() < deadline && failures.isEmpty()) {
            int op = random.nextInt(100);
            long before = epoch.get();
            callStarted.put(Thread.currentThread(), System.nanoTime());
            try {
                if (op < 30) {
                    int a = random.nextInt(1000);
                    Integer sum = twin.execute(Functions::add, a, 1);
                    check(sum == a + 1, "add returned " + sum);
                } else if (op < 50) {
                    submit(random.nextInt(1000), pause(random));
                } else if (op < 70) {
                    Node node = twin.create(Node.class);
                    String name = "n" + random.nextInt();
                    node.setName(name);
                    check(node.getName().equals(name), "name was " + node.getName());
                } else if (op < 85) {
                    Node node = twin.create(Node.class);
                    int levels = node.bounce(selfBouncer(), 5); // three callbacks into the master
                    check(levels == 6, "the callback chain ran " + levels + " levels");
                } else {
                    byte[] data = new byte[random.nextInt(2 << 20)];
                    random.nextBytes(data);
                    Node node = twin.create(Node.class);
                    byte[] back = node.reverse(data);
                    check(back.length == data.length && (data.length == 0 || back[0] == data[data.length - 1]),
                            "a large value came back wrong");
                }
                calls.incrementAndGet();
            } catch (TwinException e) {
                explainedByAKill(before, e);
            } catch (RuntimeException | Error e) {
                failures.add("untyped failure: " + e);
            } finally {
                callStarted.remove(Thread.currentThread());
            }
        }
    }

    /** Mostly none; sometimes long, which keeps asynchronous calls in flight while blocking calls go on. */
    private static int pause(Random random) {
        int dice = random.nextInt(10);
        return dice < 6 ? 0 : dice < 9 ? random.nextInt(50) : 500 + random.nextInt(1500);
    }

    /** The master-side half of the chain: calls the twin again, three levels each way. */
    private Bouncer selfBouncer() {
        return Twins.export((Bouncer) (n, depth) -> depth == 0 ? 1 : 1 + n.bounce(selfBouncer(), depth - 1),
                Bouncer.class);
    }

    private void submit(int a, int sleepMillis) {
        long before = epoch.get();
        CompletableFuture<Integer> future = twin.submit((x, pause) -> {
            Thread.sleep(pause);
            return x + 1;
        }, a, sleepMillis);
        futures.add(future.handle((sum, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException wrapped ? wrapped.getCause() : error;
                if (cause instanceof TwinException twinError) {
                    explainedByAKill(before, twinError);
                } else {
                    failures.add("async untyped failure: " + cause);
                }
            } else {
                check(sum == a + 1, "async add returned " + sum);
            }
            return null;
        }));
    }

    private void killAtRandom(Random random, long deadline) {
        try {
            while (System.nanoTime() < deadline - TimeUnit.SECONDS.toNanos(3) && failures.isEmpty()) {
                Thread.sleep(2000 + random.nextInt(4000));
                changeEpoch();
                twin.pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(KernelStressTest::kill));
                kills.incrementAndGet();
                Thread.sleep(random.nextInt(300));
                restart();
                changeEpoch();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills and waits until the process is gone: until then start() would still see a running twin. */
    private static void kill(ProcessHandle process) {
        process.destroyForcibly();
        process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void changeEpoch() {
        epoch.incrementAndGet();
        epochChangedNanos = System.nanoTime();
    }

    private void restart() throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                twin.start();
                return;
            } catch (TwinException e) {
                if (attempt == 5) {
                    failures.add("the twin did not start again: " + e);
                    return;
                }
                Thread.sleep(200);
            }
        }
    }

    private void explainedByAKill(long epochBefore, TwinException e) {
        if (epochBefore == epoch.get() && epochBefore % 2 == 0) {
            failures.add("a call failed with no kill under way: " + e);
        }
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    private void assertNoCallOverdue() {
        long now = System.nanoTime();
        long calm = epoch.get() % 2 == 0 ? epochChangedNanos : now;
        callStarted.forEach((thread, started) -> {
            if (now - Math.max(started, calm) > STUCK_BOUND.toNanos() || now - started > CALL_BOUND.toNanos()) {
                throw new AssertionError(thread.getName() + " is stuck in a call:" + Arrays.stream(thread.getStackTrace())
                        .map(f -> "\n    at " + f).collect(Collectors.joining()));
            }
        });
    }

    private static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
