package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.objects.FasterComputer;
import io.cpy2j.fixtures.objects.Listener;
import io.cpy2j.fixtures.objects.Rated;
import io.cpy2j.fixtures.objects.RelocatedComputer;
import io.cpy2j.fixtures.objects.Score;
import io.cpy2j.fixtures.objects.Shape;
import io.cpy2j.fixtures.objects.Square;
import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.fixtures.objects.Team;
import io.cpy2j.support.TestJdks;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Native instances in their twin, proxies elsewhere: state, overloads, identity, by reference vs by value. */
class TwinObjectsTest {

    static TwinMaster jdk25;
    static TwinMaster jdk25b;

    @BeforeAll
    static void startTwins() {
        TestJdks.requireTwinJdk();
        jdk25 = TwinMaster.builder("jdk25").javaVersion(TestJdks.TWIN_VERSION).build().start();
        jdk25b = TwinMaster.builder("jdk25b").javaVersion(TestJdks.TWIN_VERSION).build().start();
    }

    @AfterAll
    static void stopTwins() {
        if (jdk25 != null) {
            jdk25.close();
        }
        if (jdk25b != null) {
            jdk25b.close();
        }
    }

    @Test
    void createMakesTheObjectInItsTwinAndReturnsAProxy() {
        SuperComputer sc = Twins.create(SuperComputer.class, 42);
        assertThat(Twins.isProxy(sc)).isTrue();
        assertThat(sc.isProxy()).as("the native object is no proxy").isFalse();
        assertThat(sc.where()).isEqualTo("jdk25");
        assertThat(sc.pid()).isEqualTo(jdk25.pid().getAsLong());
        assertThat(sc.megaloop(100, 100)).isEqualTo(new SuperComputer(0).megaloop(100, 100));
    }

    @Test
    void statePersistsAcrossCallsThroughGettersAndSetters() {
        SuperComputer sc = jdk25.create(SuperComputer.class, 1);
        assertThat(sc.getName()).isEqualTo("unnamed");
        sc.setName("deep thought");
        assertThat(sc.getName()).isEqualTo("deep thought");
        assertThat(jdk25.execute((SuperComputer s) -> s.getName(), sc)).isEqualTo("deep thought");
    }

    @Test
    void constructorOverloadsAreChosenAsJavacWould() {
        assertThat(Twins.create(SuperComputer.class, 5).made()).isEqualTo("int");
        assertThat(Twins.create(SuperComputer.class, 5L).made()).isEqualTo("long");
        assertThat(Twins.create(SuperComputer.class, (short) 5).made()).as("short widens to int").isEqualTo("int");
        assertThat(Twins.create(SuperComputer.class, "x").made()).isEqualTo("Object");
        assertThat(Twins.create(SuperComputer.class, "hal", 9000).getName()).isEqualTo("hal");
        assertThat(Twins.create(SuperComputer.class, List.of("a", "b")).getName()).isEqualTo("a+b");
        assertThat(Twins.create(SuperComputer.class).made()).isEqualTo("int");
        assertThatThrownBy(() -> Twins.create(SuperComputer.class, 1, 2, 3))
                .isInstanceOf(TwinException.class).hasMessageContaining("no constructor of");
    }

    @Test
    void staticMethodsAndStaticStateLiveInTheTwin() {
        int before = jdk25.execute(SuperComputer::instances);
        Twins.create(SuperComputer.class, 1);
        Twins.create(SuperComputer.class, 2);
        assertThat(jdk25.execute(SuperComputer::instances)).isEqualTo(before + 2);
        int local = SuperComputer.instances();
        Twins.create(SuperComputer.class, 3);
        assertThat(SuperComputer.instances()).as("no constructor runs on the proxy side").isEqualTo(local);
    }

    @Test
    void equalsHashCodeToStringAndCompareToRunNatively() {
        SuperComputer a = Twins.create(SuperComputer.class, 5);
        SuperComputer sameSeed = Twins.create(SuperComputer.class, 5);
        SuperComputer b = Twins.create(SuperComputer.class, 9);
        assertThat(a).isEqualTo(sameSeed).isNotEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(31 * 5 + 7);
        assertThat(a.toString()).isEqualTo("SuperComputer[seed=5 in jdk25]");
        assertThat(a.compareTo(b)).isNegative();
        assertThat(b.compareTo(a)).isPositive();
    }

    @Test
    void localMethodsRunOnTheCallersSide() {
        SuperComputer sc = Twins.create(SuperComputer.class, "marvin", 1);
        assertThat(sc.describeLocally()).isEqualTo("computed in master for marvin");
    }

    @Test
    void inheritedOverriddenAndRepinnedSubclassesRunWhereTheyShould() {
        FasterComputer faster = Twins.create(FasterComputer.class, 3);
        assertThat(faster.where()).isEqualTo("jdk25");
        assertThat(faster.megaloop(10, 10)).isEqualTo(-new SuperComputer(0).megaloop(10, 10));
        RelocatedComputer relocated = Twins.create(RelocatedComputer.class, 4);
        assertThat(relocated.where()).isEqualTo("jdk25b");
        assertThat(relocated.pid()).isEqualTo(jdk25b.pid().getAsLong());
    }

    @Test
    void comparingATwinObjectWithAMasterObjectCallsBackIntoTheMaster() {
        SuperComputer sc = Twins.create(SuperComputer.class, 10);
        Score low = new Score(3);
        Score high = new Score(30);
        assertThat(sc.compareRating(low)).isPositive();
        assertThat(sc.compareRating(high)).isNegative();
        assertThat(low.asked()).isEqualTo(1);
        assertThat(high.asked()).isEqualTo(1);
    }

    @Test
    void aMasterPinnedClassCreatedFromATwinLivesInTheMaster() {
        String where = jdk25.execute(() -> Twins.create(Score.class, 1).where());
        assertThat(where).isEqualTo(Twins.MASTER_ID);
    }

    @Test
    void identityHoldsBothWays() {
        SuperComputer sc = Twins.create(SuperComputer.class, 7);
        assertThat(jdk25.execute((SuperComputer s) -> s, sc)).as("one proxy per remote object").isSameAs(sc);
        assertThat(sc.echo(sc)).isSameAs(sc);
        assertThat(sc.sameAs(sc)).as("back home it is the original object").isTrue();
        assertThat(jdk25.execute((SuperComputer x, SuperComputer y) -> x == y, sc, sc)).isTrue();
        Score score = new Score(1);
        assertThat(jdk25.execute((Score s) -> s, score)).as("a master object comes home as itself").isSameAs(score);
        assertThat(jdk25.execute((Score s, Score t) -> s == t, score, score)).isTrue();
    }

    @Test
    void aListIsCopiedWhileTheTwinObjectInsideItIsAReference() {
        SuperComputer sc = Twins.create(SuperComputer.class, 8);
        List<Object> list = new ArrayList<>(List.of(sc, "text"));
        int sizeInTwin = jdk25.execute((List<Object> l) -> {
            l.add("added in twin");
            ((SuperComputer) l.get(0)).setName("renamed in twin");
            return l.size();
        }, list);
        assertThat(sizeInTwin).isEqualTo(3);
        assertThat(list).hasSize(2);
        assertThat(sc.getName()).isEqualTo("renamed in twin");
    }

    @Test
    void twinObjectsNestedInRecordsListsAndMapsCrossByReference() {
        SuperComputer lead = Twins.create(SuperComputer.class, 1);
        SuperComputer member = Twins.create(SuperComputer.class, 2);
        Team team = new Team("t", lead, List.of(member, lead), Map.of("lead", lead));
        Team back = jdk25.execute((Team t) -> {
            t.lead().setName("lead");
            return new Team(t.name() + "!", t.members().get(1), t.members(), t.byRole());
        }, team);
        assertThat(lead.getName()).isEqualTo("lead");
        assertThat(back.name()).isEqualTo("t!");
        assertThat(back.lead()).isSameAs(lead);
        assertThat(back.members()).containsExactly(member, lead);
        assertThat(back.members().get(0)).isSameAs(member);
        assertThat(back.byRole().get("lead")).isSameAs(lead);
    }

    @Test
    void anExportedListenerIsCalledBackFromTheTwin() {
        List<String> events = new CopyOnWriteArrayList<>();
        Listener listener = Twins.export(events::add, Listener.class);
        SuperComputer sc = Twins.create(SuperComputer.class, 1);
        assertThat(sc.notify(listener, 3)).isEqualTo(3);
        assertThat(events).containsExactly("jdk25:0", "jdk25:1", "jdk25:2");
    }

    @Test
    void anInterfaceViewIsAJdkProxyAndTheMasterNeverInitialisesTheImplementation() {
        Shape shape = jdk25.create(Shape.class, Square.class, 3);
        assertThat(Proxy.isProxyClass(shape.getClass())).isTrue();
        assertThat(shape).isNotInstanceOf(Square.class);
        assertThat(shape.area()).isEqualTo(9);
        shape.resize(4);
        assertThat(shape.area()).as("state lives in the native object").isEqualTo(16);
        assertThat(System.getProperty(Square.INITIALISED)).as("Square's static initialiser ran in the master").isNull();
    }

    @Test
    void anInterfaceViewKeepsIdentityBothWays() {
        Shape shape = jdk25.create(Shape.class, Square.class, 2);
        assertThat(shape.self()).as("the object's one proxy, of the kind its first proxy got").isSameAs(shape);
        assertThat(jdk25.execute((Shape s) -> s, shape)).isSameAs(shape);
        assertThat(jdk25.execute((Shape s) -> s instanceof Square && !Twins.isProxy(s), shape))
                .as("back home it is the original Square").isTrue();
    }

    @Test
    void aClassViewIsASubclassProxy() {
        SuperComputer sc = jdk25.create(SuperComputer.class, FasterComputer.class, 3);
        assertThat(Proxy.isProxyClass(sc.getClass())).isFalse();
        assertThat(sc).isInstanceOf(FasterComputer.class);
        assertThat(sc.megaloop(10, 10)).isEqualTo(-new SuperComputer(0).megaloop(10, 10));
    }

    @Test
    void aStringArgumentIsAConstructorArgumentNotAClassName() {
        assertThat(jdk25.create(SuperComputer.class, "hal", 9000).getName()).isEqualTo("hal");
    }

    @Test
    void createByNameGivesAJdkProxyOfTheInterfaceEvenForAClassTheMasterHas() {
        Shape shape = jdk25.createByName(Shape.class, Square.class.getName(), 5);
        assertThat(Proxy.isProxyClass(shape.getClass())).isTrue();
        assertThat(shape.area()).isEqualTo(25);
        assertThat(System.getProperty(Square.INITIALISED)).isNull();
        assertThatThrownBy(() -> jdk25.createByName(SuperComputer.class, SuperComputer.class.getName()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an interface");
    }

    @Test
    void aClassThatExistsOnlyInTheTwinIsProxiedByItsInterface() throws Exception {
        java.nio.file.Path classes = java.nio.file.Files.createTempDirectory("twin-only");
        java.nio.file.Path source = classes.resolve("twinonly/Greeter.java");
        java.nio.file.Files.createDirectories(source.getParent());
        java.nio.file.Files.writeString(source, "package twinonly; public class Greeter implements "
                + Rated.class.getName() + " { public int rating() { return 42; } }");
        // release 17, the oldest JDK a twin runs on: a twin on 17 loads it also when the master compiles on 25
        assertThat(javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17",
                "-cp", System.getProperty("java.class.path"), source.toString())).isZero();
        try (TwinMaster other = TwinMaster.builder("twin-only-classes").javaVersion(TestJdks.TWIN_VERSION)
                .classpath(classes.toString()).build().start()) {
            Rated rated = other.createByName(Rated.class, "twinonly.Greeter");
            assertThat(java.lang.reflect.Proxy.isProxyClass(rated.getClass())).isTrue();
            assertThat(rated.rating()).isEqualTo(42);
        }
    }

    @Test
    void aReferenceToAnObjectInOneTwinWorksInAnother() {
        SuperComputer inA = Twins.create(SuperComputer.class, 11);
        inA.setName("from A");
        String seenByB = jdk25b.execute((SuperComputer s) -> Twins.currentTwinId() + " sees " + s.getName() + " in "
                + s.where() + " pid " + s.pid(), inA);
        assertThat(seenByB).isEqualTo("jdk25b sees from A in jdk25 pid " + jdk25.pid().getAsLong());
        jdk25b.execute((SuperComputer s) -> {
            s.setName("changed by B");
            return null;
        }, inA);
        assertThat(inA.getName()).isEqualTo("changed by B");
        assertThat(jdk25b.execute((SuperComputer s) -> s, inA)).as("it comes back as the same proxy").isSameAs(inA);
    }
}
