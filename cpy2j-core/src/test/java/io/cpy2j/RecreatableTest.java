package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cpy2j.fixtures.objects.Shape;
import io.cpy2j.fixtures.objects.Square;
import io.cpy2j.fixtures.objects.SuperComputer;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A recreatable object comes back in the new twin after a restart, behind the proxy callers hold. */
class RecreatableTest {

    static TwinMaster twin;

    @BeforeAll
    static void start() {
        twin = TwinMaster.builder("recreatable").restartPolicy(RestartPolicy.onFailure(10, Duration.ofMillis(50)))
                .callTimeout(Duration.ofSeconds(20)).build().start();
    }

    @AfterAll
    static void close() {
        twin.close();
    }

    @Test
    void afterAKillTheSameProxyWorksAgainAgainstANewInstanceWithFreshArguments() {
        AtomicInteger made = new AtomicInteger();
        SuperComputer sc = twin.createRecreatable(SuperComputer.class, () -> new Object[] {"hal", made.incrementAndGet()});
        sc.setName("state before");
        long firstPid = sc.pid();
        kill(firstPid);
        await().atMost(Duration.ofSeconds(5)).until(() -> twin.state() != TwinState.RUNNING || twin.restarts() > 0);
        assertThat(sc.pid()).as("runs in the new twin").isNotEqualTo(firstPid).isEqualTo(twin.pid().getAsLong());
        assertThat(sc.getName()).as("state is lost").isEqualTo("hal");
        assertThat(sc.seed()).as("made again with fresh arguments").isEqualTo(2);
        assertThat(made).hasValue(2);
    }

    @Test
    void anInterfaceViewIsAJdkProxyAndKeepsIdentityThroughTheTwin() {
        Shape shape = twin.createRecreatable(Shape.class, Square.class, () -> new Object[] {3});
        assertThat(Proxy.isProxyClass(shape.getClass())).isTrue();
        assertThat(shape.area()).isEqualTo(9);
        assertThat(shape.self()).as("the twin's object sent back is the lasting proxy").isSameAs(shape);
        Object back = twin.execute(value -> value, shape);
        assertThat(back).isSameAs(shape);
    }

    @Test
    void anOrdinaryProxyBecomesStaleWhereARecreatableOneDoesNot() {
        SuperComputer plain = twin.create(SuperComputer.class, 1);
        SuperComputer lasting = twin.createRecreatable(SuperComputer.class, () -> new Object[] {1});
        kill(plain.pid());
        await().atMost(Duration.ofSeconds(5)).until(() -> twin.state() != TwinState.RUNNING || twin.restarts() > 0);
        assertThat(lasting.seed()).isEqualTo(1);
        assertThatThrownBy(plain::seed).isInstanceOf(StaleTwinReferenceException.class);
    }

    /** Its owner is gone (a closed context) and could no longer give the arguments: the restart goes on. */
    @Test
    void aForgottenObjectIsNotMadeAgainAndItsProxyGoesStale() {
        AtomicInteger made = new AtomicInteger();
        SuperComputer forgotten = twin.createRecreatable(SuperComputer.class, () -> {
            if (made.incrementAndGet() > 1) {
                throw new IllegalStateException("its owner is closed");
            }
            return new Object[] {1};
        });
        twin.forgetRecreatable(forgotten);
        int restarts = twin.restarts();
        kill(forgotten.pid());
        await().atMost(Duration.ofSeconds(5)).until(() -> twin.restarts() > restarts && twin.isAlive());
        assertThat(made).as("not made again").hasValue(1);
        assertThatThrownBy(forgotten::seed).isInstanceOf(StaleTwinReferenceException.class);
    }

    private static void kill(long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }
}
