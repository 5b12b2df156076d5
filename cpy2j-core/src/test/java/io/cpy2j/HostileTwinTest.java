package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cpy2j.fixtures.Functions;
import io.cpy2j.hostile.GadgetLog;
import io.cpy2j.hostile.Hostile;
import io.cpy2j.hostile.Inbox;
import io.cpy2j.hostile.LyingTwinMain;
import io.cpy2j.hostile.RecordingInbox;
import io.cpy2j.internal.master.TwinConnection;
import io.cpy2j.support.Reliability;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A twin whose code is subverted attacks its restricted master: gadget types in values, results,
 * records and exceptions, forged object ids, a method of another class, a request to run a function, a
 * frame claiming 2 GiB, half a frame, random bytes, a lying handshake and a flood of calls. Each time the
 * master stays up, a bystander twin of the same master JVM keeps answering, the hostile twin is
 * disconnected with the reason logged and in its status, and no class it named was loaded in the master.
 */
class HostileTwinTest {

    private static final Duration DISCONNECT_BOUND = Duration.ofSeconds(10);
    private static final List<String> FIGURES = new ArrayList<>();
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    private static TwinMaster bystander;
    private TwinMaster hostile;

    @BeforeAll
    static void startBystanderAndWatchTheLog() {
        assertThat(GadgetLog.loaded(GadgetLog.class.getName())).as("the probe sees a loaded class").isTrue();
        // A test discovery that loads every class (Surefire's -Dtest with only exclusions, say) loads the
        // gadgets before any twin could: then this test can prove nothing, and says so.
        assertThat(GadgetLog.loaded("io.cpy2j.hostile.Gadget")).as("Gadget was loaded before the test began, by "
                + "a test discovery that loads every class; select tests by name or tag instead").isFalse();
        bystander = TwinMaster.builder("bystander").build().start();
        LOG.start();
        ((Logger) LoggerFactory.getLogger(TwinConnection.class)).addAppender(LOG);
    }

    @AfterAll
    static void stopBystander() {
        ((Logger) LoggerFactory.getLogger(TwinConnection.class)).detachAppender(LOG);
        bystander.close();
        Reliability.report("hostile-twin", "## A hostile twin\n\nEach attack from a restricted twin, what the master "
                + "did, and how long from the attack to the twin's process being gone. Every time: the master stayed "
                + "up, the bystander twin answered, no class the twin named was loaded in the master.\n\n"
                + "| attack | outcome | disconnected after |\n|---|---|---|\n" + String.join("\n", FIGURES));
    }

    @AfterEach
    void closeHostile() {
        if (hostile != null) {
            hostile.close();
        }
        assertThat(GadgetLog.LOADED).as("a class the hostile twin named was initialised in the master").isFalse();
        // Loaded at all: GadgetException is not asked, since verifying Hostile (whose functions the test
        // names) loads it to check that what it throws is a Throwable.
        assertThat(GadgetLog.loaded("io.cpy2j.hostile.Gadget")).as("Gadget loaded in the master").isFalse();
        assertThat(GadgetLog.loaded("io.cpy2j.hostile.GadgetRecord")).as("GadgetRecord loaded in the master")
                .isFalse();
        assertThat(GadgetLog.RAN_IN_MASTER).as("a function of the hostile twin ran in the master").isFalse();
        assertThat(bystander.execute(Functions::sumRange, 10L)).as("the bystander twin answers").isEqualTo(45L);
    }

    private TwinMaster restricted(String id) {
        return restricted(TwinMaster.builder(id));
    }

    private TwinMaster restricted(TwinMasterBuilder builder) {
        hostile = builder.trust(TwinTrust.RESTRICTED).trustedPackages("io.cpy2j.fixtures").maxFrameSize(1 << 20)
                .build().start();
        return hostile;
    }

    @Test
    void aGadgetInAnArgumentDisconnectsTheTwinWithoutLoadingIt() throws Exception {
        TwinMaster twin = restricted("gadget-argument");
        RecordingInbox inbox = new RecordingInbox();
        Inbox exported = Twins.export(inbox, Inbox.class);
        attack("a gadget class in an argument", twin, twin.submit(Hostile::gadgetArgument, exported),
                "a value names io.cpy2j.hostile.Gadget");
        assertThat(inbox.received).isEmpty();
    }

    @Test
    void aGadgetInAResultIsRefusedAndDisconnects() throws Exception {
        TwinMaster twin = restricted("gadget-result");
        attack("a gadget class in a result", twin, twin.submit(Hostile::gadgetResult), "io.cpy2j.hostile.Gadget");
    }

    @Test
    void aRecordOfAnUntrustedClassIsRefusedAndDisconnects() throws Exception {
        TwinMaster twin = restricted("gadget-record");
        attack("a record of an untrusted class", twin, twin.submit(Hostile::gadgetRecord),
                "a record names io.cpy2j.hostile.GadgetRecord");
    }

    @Test
    void anExceptionOfAnUntrustedClassCrossesAsAStandInAndTheTwinStays() {
        TwinMaster twin = restricted("gadget-exception");
        assertThatThrownBy(() -> twin.execute(Hostile::throwGadgetException))
                .isInstanceOf(RemoteTwinException.class)
                .hasMessageContaining("io.cpy2j.hostile.GadgetException").hasMessageContaining("thrown in the twin");
        assertThatThrownBy(() -> twin.execute(Hostile::throwJdkException))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("a JDK exception");
        assertThat(twin.isAlive()).isTrue();
        FIGURES.add("| an exception of an untrusted class | a stand-in naming its type, twin kept (no breach) | - |");
    }

    @Test
    void aRequestToRunAFunctionInTheMasterIsRefused() throws Exception {
        TwinMaster twin = restricted("execute");
        attack("a request to run a function in the master", twin, twin.submit(Hostile::executeInMaster),
                "asked to run a function here");
    }

    @Test
    void aForgedObjectIdIsRefused() throws Exception {
        TwinMaster twin = restricted("forged-id");
        attack("a forged object id", twin, twin.submit(Hostile::forgedId), "object #987654321");
    }

    @Test
    void aMethodOfAnotherClassOnAnExportedObjectIsRefused() throws Exception {
        TwinMaster twin = restricted("foreign-method");
        Inbox exported = Twins.export(new RecordingInbox(), Inbox.class);
        attack("System.exit named on an exported object", twin, twin.submit(Hostile::foreignMethod, exported),
                "java.lang.System#exit(int), which is not a public method");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "wipe", "reset", "getClass"})
    void aPrivateStaticOrUnexportedMethodOfAnExportedObjectIsRefused(String method) throws Exception {
        TwinMaster twin = restricted("hidden-" + method.toLowerCase(java.util.Locale.ROOT));
        Inbox exported = Twins.export(new RecordingInbox(), Inbox.class);
        attack("RecordingInbox." + method + " called on an object exported as Inbox", twin,
                twin.submit(Hostile::hiddenMethod, exported, method), "which is not a public method");
    }

    @Test
    void aFrameClaimingTwoGibibytesIsRefused() throws Exception {
        TwinMaster twin = restricted("huge-frame");
        attack("a frame claiming 2 GiB", twin, twin.submit(Hostile::hugeFrame), "frame of 2147483647 bytes");
    }

    @Test
    void halfAFrameEndsTheTwinCleanly() throws Exception {
        TwinMaster twin = restricted("truncated");
        long started = System.nanoTime();
        CompletableFuture<String> attack = twin.submit(Hostile::truncatedFrame);
        assertFailsWith(attack, TwinTerminatedException.class);
        awaitGone(twin);
        assertThat(twin.status().lastFailure().message()).contains("terminated");
        FIGURES.add("| half a frame, then the twin ends | calls fail with TwinTerminatedException | "
                + millisSince(started) + " ms |");
    }

    @Test
    void randomBytesAreRefused() throws Exception {
        TwinMaster twin = restricted("random-bytes");
        long seed = Reliability.seed("cpy2j.hostile.seed");
        attack("random bytes (seed " + seed + ")", twin, twin.submit(Hostile::randomBytes, seed), "");
    }

    @Test
    void aFloodOfCallsIsCutOffAtTheLimit() throws Exception {
        TwinMaster twin = restricted(TwinMaster.builder("flood").maxCallsInFlight(8));
        RecordingInbox inbox = new RecordingInbox();
        Inbox exported = Twins.export(inbox, Inbox.class);
        int threadsBefore = Thread.activeCount();
        attack("64 calls at once, over a limit of 8", twin, twin.submit(Hostile::flood, exported, 64),
                "more than 8 requests in flight");
        assertThat(inbox.mostAtOnce.get()).isLessThanOrEqualTo(8);
        assertThat(Thread.activeCount()).isLessThan(threadsBefore + 32);
    }

    @Test
    void aTwinLyingAboutItsProtocolVersionIsRefusedAtStartup() {
        TwinBootstrap lying = new TwinBootstrap(LyingTwinMain.class.getName(),
                Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator)), List.of(), null);
        long started = System.nanoTime();
        TwinMaster twin = TwinMaster.builder("liar").trust(TwinTrust.RESTRICTED).bootstrap(lying)
                .startupTimeout(Duration.ofSeconds(20)).build();
        try {
            assertThatThrownBy(twin::start).isInstanceOf(TwinStartupException.class)
                    .hasMessageContaining("speaks cpy2j protocol 99");
            assertThat(twin.isAlive()).isFalse();
        } finally {
            twin.close();
        }
        FIGURES.add("| a handshake claiming protocol 99 | start-up refused, process stopped | " + millisSince(started)
                + " ms |");
    }

    @Test
    void aRestrictedTwinsRefusalIsLoggedWithItsReason() throws Exception {
        TwinMaster twin = restricted("logged");
        attack("a gadget class in a result (log checked)", twin, twin.submit(Hostile::gadgetResult), "Gadget");
        assertThat(LOG.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                .contains("twin 'logged'").contains("disconnected").contains("io.cpy2j.hostile.Gadget"));
    }

    /** The attack's call fails, the twin's process is gone, and its last failure names the breach. */
    private void attack(String what, TwinMaster twin, CompletableFuture<?> attack, String reason) throws Exception {
        long started = System.nanoTime();
        long pid = twin.pid().getAsLong();
        assertFailsWith(attack, TwinException.class);
        awaitGone(twin);
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        String failure = twin.status().lastFailure().message();
        assertThat(failure).containsAnyOf("breached its restricted trust", "its channel broke").contains(reason);
        FIGURES.add("| " + what + " | disconnected: " + failure.replaceAll(".* because ", "").replace("|", "/")
                .replaceAll("\\. Calls in flight.*", "") + " | " + millisSince(started) + " ms |");
    }

    private static void assertFailsWith(CompletableFuture<?> attack, Class<? extends Throwable> type) throws Exception {
        try {
            Object result = attack.get(DISCONNECT_BOUND.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("the attack's call returned " + result + " instead of failing");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(type);
        }
    }

    private static void awaitGone(TwinMaster twin) throws InterruptedException {
        long deadline = System.nanoTime() + DISCONNECT_BOUND.toNanos();
        while ((twin.isAlive() || twin.status().lastFailure() == null) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(twin.isAlive()).as("the hostile twin still runs " + DISCONNECT_BOUND + " after its attack").isFalse();
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

}
