package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cpy2j.fixtures.Functions;
import io.cpy2j.fixtures.Throwers;
import io.cpy2j.fixtures.objects.Listener;
import io.cpy2j.fixtures.objects.Ping;
import io.cpy2j.fixtures.objects.Pong;
import io.cpy2j.fixtures.objects.Score;
import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.support.TestJdks;
import io.cpy2j.support.TwinExtension;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Master and twin on different JDKs, in whichever direction this run has: a JDK 17 master with a newer
 * twin, or (the second run of .ci/run) a JDK 25 master keeping an old library in a twin on an older JDK.
 * Each kind of traffic crosses once here: values, exceptions, twin objects and callbacks, whose encodings
 * (records, serialized lambdas, Java-serialized exceptions) must mean the same on both JDKs.
 */
class OtherJdkTwinTest {

    /** The id the twin-object fixtures are pinned to (SuperComputer, Pong): a name, not a version. */
    @RegisterExtension
    static final TwinExtension TWIN = new TwinExtension("jdk25");
    static TwinMaster twin;

    @BeforeAll
    static void twin() {
        twin = TWIN.master();
        // the log says which direction this run covered
        System.out.println("[cpy2j test] master on JDK " + Functions.javaVersion() + ", twin on JDK "
                + twin.javaVersion());
    }

    @Test
    void theTwinRunsOnAnotherJdkThanTheMaster() {
        int twinFeature = Runtime.Version.parse(twin.execute(Functions::javaVersion)).feature();
        assertThat(twinFeature).isEqualTo(TestJdks.TWIN_VERSION).isNotEqualTo(Runtime.version().feature());
        assertThat(twin.execute(Functions::property, "java.home")).isNotEqualTo(System.getProperty("java.home"));
    }

    @ParameterizedTest
    @MethodSource("io.cpy2j.ValuesTest#values")
    void valuesMadeOnOneJdkArriveEqualOnTheOther(Object value) {
        Object back = twin.execute((Object v) -> v, value);
        assertThat(back).hasSameClassAs(value);
        assertThat(Arrays.deepEquals(new Object[] {back}, new Object[] {value})).as("equal after the round trip")
                .isTrue();
    }

    @Test
    void aLambdaSerializedOnOneJdkRunsOnTheOther() {
        TwinFunction<Integer, Integer, RuntimeException> twice = x -> x * 2;
        assertThat(twin.execute((TwinFunction<Integer, Integer, RuntimeException> f) -> f.apply(21), twice))
                .isEqualTo(42);
        TwinFunction<String, String, RuntimeException> madeInTwin = twin.execute(() ->
                (TwinFunction<String, String, RuntimeException>) s -> s + " from " + Runtime.version().feature());
        assertThat(madeInTwin.apply("run here")).isEqualTo("run here from " + Runtime.version().feature());
    }

    @Test
    void exceptionsKeepTheirTypeMessageCauseAndTheTwinsFrames() {
        Throwable error = catchThrowable(() -> twin.execute(Throwers::withCause, "inner"));
        assertThat(error).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("wrapped");
        assertThat(error.getCause()).isExactlyInstanceOf(IOException.class).hasMessage("cannot read inner");
        List<String> frames = Arrays.stream(error.getStackTrace()).map(f -> f.getClassName() + "." + f.getMethodName())
                .toList();
        assertThat(frames).as("the twin's frames, then the marker of the call")
                .containsSubsequence(Throwers.class.getName() + ".withCause", "cpy2j.call");
        assertThat(catchThrowable(() -> twin.execute(Throwers::custom, 3)))
                .isExactlyInstanceOf(Throwers.AppException.class).hasMessage("failed with code 3");
    }

    @Test
    void aTwinObjectKeepsItsStateAndIdentityAcrossTheJdks() {
        SuperComputer sc = Twins.create(SuperComputer.class, "hal", 9000); // pinned to this twin by @Twin
        sc.setName("renamed");
        assertThat(sc.getName()).isEqualTo("renamed");
        assertThat(sc.pid()).isEqualTo(twin.pid().getAsLong());
        assertThat(sc.toString()).as("runs natively").isEqualTo("SuperComputer[seed=9000 in jdk25]");
        assertThat(twin.execute((SuperComputer s) -> s, sc)).isSameAs(sc);
        List<Object> list = new ArrayList<>(List.of(sc));
        assertThat(twin.execute((List<Object> l) -> ((SuperComputer) l.get(0)).sameAs(l.get(0)), list)).isTrue();
    }

    @Test
    void theTwinCallsBackIntoMasterObjects() {
        List<String> events = new CopyOnWriteArrayList<>();
        Listener listener = Twins.export(events::add, Listener.class);
        SuperComputer sc = twin.create(SuperComputer.class, 10);
        assertThat(sc.notify(listener, 2)).isEqualTo(2);
        assertThat(events).containsExactly("jdk25:0", "jdk25:1");
        assertThat(sc.compareRating(new Score(30))).isNegative();
    }

    @Test
    void nestedCallbacksGoBackAndForthOnOneThreadPerSide() {
        Pong pong = twin.create(Pong.class);
        // each master level re-enters Ping's synchronized method on this thread, so all 21 count here
        assertThat(new Ping().ping(pong, 40)).isEqualTo(21);
    }
}
