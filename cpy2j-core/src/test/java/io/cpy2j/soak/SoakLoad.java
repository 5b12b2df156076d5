package io.cpy2j.soak;

import io.cpy2j.StaleTwinReferenceException;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinTerminatedException;
import io.cpy2j.Twins;
import io.cpy2j.fixtures.Functions;
import io.cpy2j.fixtures.objects.Bouncer;
import io.cpy2j.fixtures.objects.Node;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What each soak thread does, over and over, in a seeded random mix: plain calls, asynchronous calls, twin
 * objects made and dropped (singly and in paced batches), and chains of callbacks three deep. A call may
 * fail only with {@link TwinTerminatedException} or {@link StaleTwinReferenceException}, and only when a
 * restart overlapped it; those are counted, anything else is a failure.
 */
final class SoakLoad {

    /** Chain depth 5: twin, master, twin, master, twin, master, so three callbacks into the master. */
    static final int CHAIN_DEPTH = 5;
    static final int BATCH_MAX = 250;
    static final long ASYNC_BOUND_SECONDS = 60;

    private final TwinMaster twin;
    private final Node anchor;
    private final Restarter restarter;
    private final ProxyBudget budget;
    final LongAdder calls = new LongAdder();
    final LongAdder asyncCalls = new LongAdder();
    final LongAdder chains = new LongAdder();
    final LongAdder callbacksExported = new LongAdder();
    final LongAdder terminated = new LongAdder();
    final LongAdder stale = new LongAdder();
    final LongAccumulator slowestNanos = new LongAccumulator(Math::max, 0);
    final Queue<String> failures = new ConcurrentLinkedQueue<>();

    /** {@code anchor} is a recreatable object all threads share: it comes back after each restart. */
    SoakLoad(TwinMaster twin, Node anchor, Restarter restarter, ProxyBudget budget) {
        this.twin = twin;
        this.anchor = anchor;
        this.restarter = restarter;
        this.budget = budget;
    }

    /** Runs operations until {@code deadline} (System.nanoTime) or the first failure. */
    void work(Random random, long deadline) {
        while (System.nanoTime() < deadline && failures.isEmpty()) {
            long epoch = restarter.epoch();
            long started = System.nanoTime();
            try {
                operate(random);
                if (!restarter.overlapped(epoch)) {
                    slowestNanos.accumulate(System.nanoTime() - started);
                }
            } catch (TwinTerminatedException | StaleTwinReferenceException e) {
                tolerate(epoch, e);
            } catch (RuntimeException | Error e) {
                fail("an undocumented failure", e);
            }
        }
    }

    private void operate(Random random) {
        int dice = random.nextInt(100);
        if (dice < 30) {
            add(random.nextInt(1000));
        } else if (dice < 45) {
            addAsync(random.nextInt(1000));
        } else if (dice < 60) {
            createAndDrop(random);
        } else if (dice < 80) {
            chain(random.nextBoolean() ? anchor : created(twin.create(Node.class)));
        } else {
            batch(random);
        }
    }

    private void add(int a) {
        Integer sum = twin.execute(Functions::add, a, 1);
        check(sum == a + 1, "add returned " + sum + " for " + a);
        calls.increment();
    }

    private void addAsync(int a) {
        try {
            Integer sum = twin.submit(Functions::add, a, 1).get(ASYNC_BOUND_SECONDS, TimeUnit.SECONDS);
            check(sum == a + 1, "an asynchronous add returned " + sum + " for " + a);
            asyncCalls.increment();
            calls.increment();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("an asynchronous call did not end within " + ASYNC_BOUND_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void createAndDrop(Random random) {
        Node node = created(twin.create(Node.class));
        String name = "n" + random.nextInt();
        node.setName(name);
        check(name.equals(node.getName()), "a node's name came back as " + node.getName());
        calls.add(3);
    }

    private Node created(Node node) {
        budget.madeOne();
        return node;
    }

    private void chain(Node node) {
        int levels = node.bounce(bouncer(), CHAIN_DEPTH);
        check(levels == CHAIN_DEPTH + 1, "a callback chain ran " + levels + " levels");
        chains.increment();
        calls.add(CHAIN_DEPTH + 1);
    }

    /** The master's half of a chain: each level is a new exported object, so exports churn too. */
    private Bouncer bouncer() {
        callbacksExported.increment();
        return Twins.export((Bouncer) (n, depth) -> depth == 0 ? 1 : 1 + n.bounce(bouncer(), depth - 1),
                Bouncer.class);
    }

    /** Proxies made in bulk, at the budget's pace: the twin makes them, the master gets a list of proxies. */
    private void batch(Random random) {
        int count = budget.take(BATCH_MAX);
        if (count == 0) {
            add(random.nextInt(1000)); // ahead of the proxy rate: an ordinary call instead
            return;
        }
        try {
            int first = random.nextInt(1_000_000);
            List<Particle> made = twin.execute(Particle::make, count, first);
            int pick = random.nextInt(count);
            check(made.size() == count && Twins.isProxy(made.get(pick)) && made.get(pick).charge() == first + pick,
                    "a batch of " + count + " came back wrong");
            calls.add(2);
        } catch (RuntimeException e) {
            budget.giveBack(count);
            throw e;
        }
    }

    private void tolerate(long epoch, RuntimeException e) {
        if (!restarter.overlapped(epoch)) {
            fail("a call failed with no restart under way", e);
        } else if (e instanceof TwinTerminatedException) {
            terminated.increment();
        } else {
            stale.increment();
        }
    }

    private void check(boolean ok, String what) {
        if (!ok) {
            failures.add(what);
        }
    }

    private void fail(String what, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        failures.add(Thread.currentThread().getName() + ": " + what + ": " + trace);
    }
}
