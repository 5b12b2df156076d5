package io.cpy2j.support;

import io.cpy2j.TwinMaster;
import java.time.Duration;

/**
 * A master process whose twin is frozen while a call is blocked writing into it; then the master
 * exits without closing the twin, so cpy2j's shutdown hook must stop it in time. Prints "TWIN_PID
 * <pid>" and "EXITING" (when {@code System.exit} is called) for the test to time the exit.
 */
public final class FrozenTwinMasterMain {

    private FrozenTwinMasterMain() {
    }

    public static void main(String[] args) throws Exception {
        TwinMaster twin = TwinMaster.builder("frozen-at-exit").shutdownTimeout(Duration.ofSeconds(2)).build().start();
        long pid = twin.pid().getAsLong();
        System.out.println("TWIN_PID " + pid);
        Signals.stop(pid);
        Thread writer = new Thread(() -> twin.execute(bytes -> bytes.length, new byte[4 << 20]), "blocked-writer");
        writer.setDaemon(true);
        writer.start();
        Thread.sleep(300);
        System.out.println("EXITING");
        System.out.flush();
        System.exit(0);
    }
}
