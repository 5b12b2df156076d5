package io.cpy2j.support;

import io.cpy2j.TwinMaster;
import io.cpy2j.fixtures.Functions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A master application run as its own process by tests that must kill the master or read its stderr.
 * Prints "TWIN_PID <pid>" once its twin runs, makes one call, prints "CALLED <result>", then waits.
 * With "three", starts three twins instead (the arguments after "three" are their JVM flags), calls each,
 * prints "TWIN_PIDS <pid> <pid> <pid>" and waits.
 */
public final class MasterMain {

    private MasterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("exit")) {
            exitWithoutClosing(args[0]);
        }
        if (args.length > 1 && args[1].equals("three")) {
            threeTwinsThenWait(args[0], Arrays.copyOfRange(args, 2, args.length));
        }
        try (TwinMaster twin = TwinMaster.builder(args[0]).build().start()) {
            System.out.println("TWIN_PID " + twin.pid().getAsLong());
            System.out.println("CALLED " + twin.execute(Functions::sumRange, 10L));
            System.out.flush();
            if (args.length > 1 && args[1].equals("wait")) {
                Thread.sleep(60_000); // bounded: the test kills this process long before
            }
        }
    }

    /** Leaves the twin running and exits: cpy2j's shutdown hook must stop it. */
    private static void exitWithoutClosing(String twinId) {
        TwinMaster twin = TwinMaster.builder(twinId).build().start();
        System.out.println("TWIN_PID " + twin.pid().getAsLong());
        System.out.flush();
        System.exit(0);
    }

    /** Starts three twins at once (one thread each, as a container would), then waits to be killed. */
    private static void threeTwinsThenWait(String idPrefix, String... jvmArgs) throws Exception {
        List<CompletableFuture<TwinMaster>> starting = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            TwinMaster twin = TwinMaster.builder(idPrefix + "-" + i).jvmArgs(jvmArgs).build();
            starting.add(CompletableFuture.supplyAsync(twin::start, task -> new Thread(task).start()));
        }
        StringBuilder pids = new StringBuilder("TWIN_PIDS");
        for (CompletableFuture<TwinMaster> started : starting) {
            TwinMaster twin = started.get(60, TimeUnit.SECONDS);
            twin.execute(Functions::sumRange, 10L); // each answers before the test kills the master
            pids.append(' ').append(twin.pid().getAsLong());
        }
        System.out.println(pids);
        System.out.flush();
        Thread.sleep(60_000); // bounded: the test kills this process long before
        System.exit(1);
    }
}
