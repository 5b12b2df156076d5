package io.cpy2j.support;

import io.cpy2j.TwinMaster;
import io.cpy2j.fixtures.Functions;

/**
 * A master application run as its own process by tests that must kill the master or read its stderr.
 * Prints "TWIN_PID <pid>" once its twin runs, makes one call, prints "CALLED <result>", then waits.
 */
public final class MasterMain {

    private MasterMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("exit")) {
            exitWithoutClosing(args[0]);
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
}
