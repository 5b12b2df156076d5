package io.cpy2j.boot.it.injection;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import io.cpy2j.Twins;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** @TwinComponent beans on the master's own JDK: where they run, how they are injected, what crosses how. */
@SpringBootTest(properties = {"cpy2j.twins.local.jvm-args=-Xmx64m", "cpy2j.twins.later.auto-start=lazy",
        "counter.unit=items", "counter.step=1"})
@DirtiesContext // stops the twins when the class is done
class TwinComponentInjectionTests {

    @Autowired
    Counter counter;

    @Autowired
    GreetingController controller;

    @Autowired
    RecordingAudit audit;

    @Autowired
    CounterSettings settings;

    @Autowired
    @Qualifier("later")
    TwinMaster later;

    @Test
    void aTwinComponentRunsInItsTwin() {
        assertThat(Twins.isProxy(counter)).isTrue();
        assertThat(counter.runtime()).startsWith("local/").isNotEqualTo("local/" + ProcessHandle.current().pid());
    }

    @Test
    void itsConstructorGotAMasterBeanByReferenceAndCallsItBack() {
        counter.add(2);

        assertThat(audit.entries()).contains("master: added 2 items in local");
        assertThat(counter.sameAuditBothWays()).as("one master object, by its interface and its class").isTrue();
    }

    @Test
    void configurationValuesWentByValue() {
        int before = counter.add(1);
        settings.setStep(100); // the twin has a copy: this changes nothing there
        try {
            assertThat(counter.add(1)).isEqualTo(before + 1);
        } finally {
            settings.setStep(1);
        }
    }

    @Test
    void byClassItIsAClassProxyAndTheSameSingletonAsByInterface() {
        assertThat(controller.counterByClass).isSameAs(counter).isInstanceOf(TwinCounter.class);
        assertThat(Proxy.isProxyClass(counter.getClass())).isFalse();
    }

    @Test
    void aViewInterfaceGivesAJdkProxyOfThatInterface() {
        assertThat(Proxy.isProxyClass(controller.greeter.getClass())).isTrue();
        assertThat(controller.greeter).isNotInstanceOf(CasualGreeter.class);
    }

    @Test
    void primaryAndQualifierChooseAmongComponentsOfOneType() {
        assertThat(controller.greeter.greet("bob")).isEqualTo("hi bob");
        assertThat(controller.formal.greet("bob")).isEqualTo("Good day, bob");
    }

    @Test
    void aLazyInjectionPointReachesTheSameTwinObject() {
        int now = counter.add(0);
        assertThat(controller.lazyCounter.add(5)).isEqualTo(now + 5);
    }

    @Test
    void aLazyTwinStartsWhenItsComponentIsFirstNeeded() {
        assertThat(later.state()).isEqualTo(TwinState.NEW);

        assertThat(controller.later.getObject().where()).isEqualTo("later");
        assertThat(later.isAlive()).isTrue();
    }
}
