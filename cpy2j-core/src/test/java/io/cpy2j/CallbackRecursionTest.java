package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.fixtures.objects.Ping;
import io.cpy2j.fixtures.objects.Pong;
import io.cpy2j.support.TwinExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls back and forth to any depth: each side serves the nested calls of a chain on the thread that
 * waits, so there is no deadlock, no thread per level, and re-entrant locks and ThreadLocals work.
 */
class CallbackRecursionTest {

    static final int DEPTH = 200;
    @RegisterExtension
    static final TwinExtension TWIN = new TwinExtension("jdk25");
    static TwinMaster jdk25;

    @BeforeAll
    static void twin() {
        jdk25 = TWIN.master();
    }


    @Test
    void twoHundredLevelsStartedFromTheMasterStayOnOneThreadPerSide() {
        int mastersBefore = Thread.activeCount();
        Pong pong = Twins.create(Pong.class);
        int levelsOnThisThread = new Ping().ping(pong, DEPTH);
        // every ping level (DEPTH / 2 + 1) ran on this very thread, inside its own synchronized method
        assertThat(levelsOnThisThread).isEqualTo(DEPTH / 2 + 1);
        assertThat(Ping.MAX_THREADS.get()).isLessThan(mastersBefore + 10);
        assertThat(jdk25.execute(Pong::maxThreads)).isLessThan(30);
    }

    @Test
    void twoHundredLevelsStartedFromTheTwinStayOnOneThreadPerSide() {
        int levels = jdk25.execute(() -> {
            Pong pong = new Pong();
            Ping ping = Twins.create(Ping.class); // lives in the master
            return pong.pong(ping, DEPTH + 1);
        });
        assertThat(levels).isEqualTo(DEPTH / 2 + 1);
        assertThat(jdk25.execute(Pong::maxThreads)).isLessThan(30);
    }
}
