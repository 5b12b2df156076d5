package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.cpy2j.fixtures.Functions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Defects found under load (issue 12), each pinned by the behaviour that broke. The twin runs on the
 * master's own JDK: these are about the kernel, not about bridging versions.
 */
class KernelUnderLoadTest {

    static final int FRAME_LIMIT = 8 << 20;
    static TwinMaster twin;

    @BeforeAll
    static void start() {
        twin = TwinMaster.builder("load").maxFrameSize(FRAME_LIMIT).build().start();
    }

    @AfterAll
    static void close() {
        twin.close();
    }

    @Test
    void blockingCallsKeepReturningWhileAnAsynchronousCallIsInFlight() {
        for (int round = 0; round < 5; round++) {
            CompletableFuture<Integer> slow = twin.submit(() -> {
                Thread.sleep(2000);
                return 7;
            });
            // Used to hang within a few dozen calls: a waiter took the reading role just after the
            // asynchronous pump had read its reply, and blocked reading for a reply already delivered.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 300; i++) {
                    assertThat(add(twin, i, 1)).isEqualTo(i + 1);
                }
            });
            assertThat(slow.join()).isEqualTo(7);
        }
    }

    @Test
    void anExceptionTooLargeForAFrameArrivesCutDownWithItsTypeAndTheTwinStaysUp() {
        assertThatThrownBy(() -> twin.execute(() -> {
            throw new IllegalStateException("x".repeat(16 << 20));
        }))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("xxxxxxxx")
                .hasMessageContaining("more characters did not fit in a frame")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(FRAME_LIMIT / 2))
                .satisfies(e -> assertThat(e.getStackTrace()).anyMatch(f -> f.getClassName().contains("KernelUnderLoadTest")));
        assertThat(twin.isAlive()).isTrue();
        assertThat(add(twin, 1, 2)).isEqualTo(3);
    }

    @Test
    void aResultTooLargeForAFrameFailsTheCallAndNotTheConnection() {
        assertThatThrownBy(() -> twin.execute(() -> new byte[FRAME_LIMIT + 1]))
                .isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("over the frame limit");
        assertThat(add(twin, 2, 2)).isEqualTo(4);
    }

    @Test
    void aSubmittedCallOverTheFrameLimitFailsItsFutureInsteadOfThrowing() {
        CompletableFuture<Integer> future = twin.submit(bytes -> bytes.length, new byte[FRAME_LIMIT]);
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(TwinSerializationException.class).hasMessageContaining("frame limit");
    }

    @Test
    void anUnsendableArgumentOfASubmittedCallFailsItsFuture() {
        CompletableFuture<String> future = twin.submit(String::valueOf, (Object) new Thread());
        assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS))
                .cause().isInstanceOf(TwinSerializationException.class).hasMessageContaining("argument 1");
    }

    @Test
    void listsNestedFiveHundredDeepCrossBothWays() {
        List<Object> nested = nest(500);
        Object back = twin.execute(value -> value, nested);
        assertThat(back).isEqualTo(nested);
    }

    @Test
    void aValueNestedTooDeepIsRefusedWithAShortMessage() {
        assertThatThrownBy(() -> twin.execute(value -> value, nest(5000)))
                .isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("argument 1")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(1000));
    }

    private static List<Object> nest(int depth) {
        List<Object> outer = new ArrayList<>(List.of("leaf"));
        for (int i = 1; i < depth; i++) {
            outer = new ArrayList<>(List.of(outer));
        }
        return outer;
    }

    private static int add(TwinMaster twin, int a, int b) {
        Integer sum = twin.execute(Functions::add, a, b);
        return sum;
    }
}
