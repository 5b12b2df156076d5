package io.cpy2j.boot.autoconfigure.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The call observer exists when an ObservationRegistry does, and backs off otherwise. */
class Cpy2jObservationAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Cpy2jObservationAutoConfiguration.class));

    @Test
    void observesCallsWhenThereIsAnObservationRegistry() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> assertThat(context).hasSingleBean(ObservationTwinCallObserver.class));
    }

    @Test
    void backsOffWithoutAnObservationRegistry() {
        runner.run(context -> assertThat(context).doesNotHaveBean(ObservationTwinCallObserver.class));
    }

    @Test
    void backsOffWithoutMicrometerObservation() {
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).doesNotHaveBean(ObservationTwinCallObserver.class));
    }

    @Test
    void aUsersOwnObserverReplacesOurs() {
        ObservationTwinCallObserver own = new ObservationTwinCallObserver(ObservationRegistry.NOOP);
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withBean(ObservationTwinCallObserver.class, () -> own)
                .run(context -> assertThat(context.getBean(ObservationTwinCallObserver.class)).isSameAs(own));
    }
}
