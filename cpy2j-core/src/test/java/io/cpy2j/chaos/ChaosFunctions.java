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
}
