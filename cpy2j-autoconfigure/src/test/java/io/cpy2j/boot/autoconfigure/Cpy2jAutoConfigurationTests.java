package io.cpy2j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinCall;
import io.cpy2j.TwinCallObserver;
import io.cpy2j.TwinEvent;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import io.cpy2j.TwinTrust;
import io.cpy2j.Twins;
import io.cpy2j.boot.TwinGroupInitializer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

@ExtendWith(OutputCaptureExtension.class)
class Cpy2jAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class));

    @AfterEach
    void forgetInitializers() {
        Twins.clearInitializers();
    }

    @Test
    void noTwinsDeclaredGivesNoMasters() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Cpy2jProperties.class);
            assertThat(context).doesNotHaveBean(TwinMaster.class).doesNotHaveBean(TwinMasters.class)
                    .doesNotHaveBean(TwinsLifecycle.class);
        });
    }

    @Test
    void disabledGivesNothingEvenWithTwinsDeclared() {
        runner.withPropertyValues("cpy2j.enabled=false", "cpy2j.twins.off.auto-start=lazy").run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(TwinMaster.class)
                    .doesNotHaveBean(Cpy2jProperties.class);
        });
    }

    @Test
    void eachDeclaredTwinIsAMasterBeanInjectableByItsId() {
        runner.withPropertyValues("cpy2j.defaults.auto-start=lazy", "cpy2j.twins.left.jvm-args=-Xmx64m",
                "cpy2j.twins.right.jvm-args=-Xmx32m").withUserConfiguration(WantsRight.class).run(context -> {
                    assertThat(context).getBeans(TwinMaster.class).hasSize(2)
                            .containsKeys("cpy2jTwinMaster.left", "cpy2jTwinMaster.right");
                    assertThat(context.getBean(WantsRight.class).master.id()).isEqualTo("right");
                });
    }

    @Test
    void aTwinDeclaredRestrictedIsBuiltRestricted() {
        runner.withPropertyValues("cpy2j.twins.parser.auto-start=lazy", "cpy2j.twins.parser.trust=restricted",
                "cpy2j.twins.parser.trusted-packages=com.example.parser").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TwinMaster.class).trust()).isEqualTo(TwinTrust.RESTRICTED);
                });
    }

    @Test
    void aLazyTwinIsNotStartedByTheContext() {
        runner.withPropertyValues("cpy2j.twins.sleepy.auto-start=lazy").run(context ->
                assertThat(context.getBean(TwinMaster.class).state()).isEqualTo(TwinState.NEW));
    }

    @Test
    void anEagerTwinRunsOnceRefreshedAndStopsWithTheContext() {
        runner.withPropertyValues("cpy2j.twins.eager.jvm-args=-Xmx64m").withUserConfiguration(EventLog.class)
                .run(context -> {
                    TwinMaster master = context.getBean(TwinMaster.class);
                    assertThat(master.isAlive()).isTrue();
                    List<TwinEvent> events = context.getBean(EventLog.class).events;

                    context.close();

                    assertThat(master.state()).isEqualTo(TwinState.STOPPED);
                    assertThat(events).map(Object::getClass).containsExactly(TwinEvent.Started.class,
                            TwinEvent.Stopped.class);
                });
    }

    @Test
    void theLifecycleStartsBeforeTheWebServerAndStopsAfterItsGracefulShutdown() {
        runner.withPropertyValues("cpy2j.twins.phased.auto-start=lazy").run(context -> {
            int phase = context.getBean(TwinsLifecycle.class).getPhase();
            assertThat(phase).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048); // Boot's WebServerStartStopLifecycle
            assertThat(phase).isLessThan(SmartLifecycle.DEFAULT_PHASE - 1024); // Boot's graceful shutdown
        });
    }

    /** Each twin's initializer waits, in the master, for the other twin's: only parallel starts meet. */
    @Test
    void eagerTwinsStartInParallel() {
        runner.withPropertyValues("cpy2j.twins.first.jvm-args=-Xmx64m", "cpy2j.twins.second.jvm-args=-Xmx64m")
                .withBean(TwinGroupInitializer.class, () -> () -> {
                    if (!Twins.supplier(Twins.MASTER_ID, Cpy2jAutoConfigurationTests::meetOtherTwin).get()) {
                        throw new IllegalStateException("started alone: the other twin never came");
                    }
                })
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static final CyclicBarrier STARTING_TWINS = new CyclicBarrier(2);

    static boolean meetOtherTwin() {
        try {
            STARTING_TWINS.await(10, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void twoContextsDeclaringTheSameTwinShareItUntilTheLastCloses() {
        ApplicationContextRunner shared = runner.withPropertyValues("cpy2j.twins.shared.jvm-args=-Xmx64m");
        shared.run(outer -> {
            TwinMaster master = outer.getBean(TwinMaster.class);
            shared.run(inner -> assertThat(inner.getBean(TwinMaster.class)).isSameAs(master));
            assertThat(master.isAlive()).as("still owned by the outer context").isTrue();
            outer.close();
            assertThat(master.state()).isEqualTo(TwinState.STOPPED);
        });
    }

    /** The twin stays with the other context, and must not call the closed one's beans again. */
    @Test
    void aContextSharingATwinTakesItsObserversAndInitializersBackWhenItCloses() {
        ApplicationContextRunner shared = runner.withPropertyValues("cpy2j.twins.shared-beans.jvm-args=-Xmx64m");
        List<String> seen = new CopyOnWriteArrayList<>();
        TwinCallObserver recording = new TwinCallObserver() {
            @Override
            public Scope outgoing(TwinCall call, java.util.Map<String, String> headers) {
                seen.add(call.method());
                return Scope.NONE;
            }
        };
        shared.run(outer -> {
            TwinMaster master = outer.getBean(TwinMaster.class);
            shared.withBean(TwinCallObserver.class, () -> recording)
                    .withBean(TwinGroupInitializer.class, () -> () -> System.setProperty("cpy2j.test.inner", "yes"))
                    .run(inner -> {
                        master.execute(() -> 1);
                        assertThat(seen).as("the inner context's observer, while it lives").isNotEmpty();
                    });
            seen.clear();
            master.stop();
            master.start();
            assertThat(master.execute(() -> System.getProperty("cpy2j.test.inner")))
                    .as("the closed context's initializer in the restarted twin").isNull();
            assertThat(seen).as("the closed context's observer").isEmpty();
        });
    }

    @Test
    void groupInitializerBeansRunInTheTwinBeforeItServes() {
        runner.withPropertyValues("cpy2j.twins.initialized.jvm-args=-Xmx64m")
                .withBean(TwinGroupInitializer.class, () -> () -> System.setProperty("cpy2j.test.region", "eu"))
                .run(context -> assertThat(context.getBean(TwinMaster.class)
                        .execute(() -> System.getProperty("cpy2j.test.region"))).isEqualTo("eu"));
    }

    @Test
    void aMissingJavaVersionFallsBackToTheMastersJdkWhenAskedTo(CapturedOutput output) {
        runner.withPropertyValues("cpy2j.twins.fallback.java-version=99", "cpy2j.twins.fallback.auto-start=lazy",
                "cpy2j.twins.fallback.java-version-fallback=current").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(TwinMaster.class).javaVersion())
                            .startsWith(String.valueOf(Runtime.version().feature()));
                    assertThat(output).contains("Twin 'fallback' asks for Java 99, which is not installed");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class WantsRight {

        final TwinMaster master;

        WantsRight(@Qualifier("right") TwinMaster master) {
            this.master = master;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class EventLog {

        final List<TwinEvent> events = new CopyOnWriteArrayList<>();

        @EventListener
        void on(TwinEvent event) {
            events.add(event);
        }
    }
}
