package io.cpy2j.chaos;

import io.cpy2j.fixtures.objects.Listener;

/** What the chaos trials run in their twins: static methods, sent by name like any user's function. */
final class ChaosFunctions {

    private ChaosFunctions() {
    }

    /** Keeps a call in flight until its twin is killed (a minute is far longer than any trial). */
    static String sleepLong() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "never";
    }

    /** Calls the master's listener again and again: some callback is always under way when the kill comes. */
    static Object callBackForever(Listener listener) {
        for (long i = 0; ; i++) {
            listener.onEvent("tick " + i);
        }
    }

    /** Spins and ignores interrupts: a call that nothing in the twin can end. */
    static Object spinForever() {
        long spins = 0;
        while (spins >= 0) {
            spins++;
            Thread.onSpinWait();
        }
        return spins;
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    /** Set by {@link #stopFlood()}; the flooding threads check it between lines. */
    private static volatile boolean flooding;

    /**
     * Starts two threads that print to {@code System.out} and {@code System.err} as fast as they can,
     * short lines mostly and now and then a line of 256 KiB (which the master cuts at 64 KiB), and returns.
     */
    static int startFlood() {
        flooding = true;
        flood("cpy2j-chaos-out", System.out);
        flood("cpy2j-chaos-err", System.err);
        return 2;
    }

    static int stopFlood() {
        flooding = false;
        return 0;
    }

    private static void flood(String name, java.io.PrintStream stream) {
        String line = "flood ".repeat(20);
        String huge = "x".repeat(256 * 1024);
        Thread thread = new Thread(() -> {
            for (long i = 0; flooding; i++) {
                stream.println(i % 10_000 == 0 ? huge : line + i);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }
}
