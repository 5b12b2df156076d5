package io.cpy2j.benchmarks.boot;

import io.cpy2j.boot.EnableTwins;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import io.cpy2j.boot.autoconfigure.observation.Cpy2jObservationAutoConfiguration;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

/**
 * The smallest application using the starter: its auto-configurations named, not discovered, so the
 * shaded benchmark jar needs no merged Spring metadata. With {@code bench.observation=true} it has an
 * ObservationRegistry that times every call into a simple meter registry, as Actuator would.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({Cpy2jAutoConfiguration.class, Cpy2jObservationAutoConfiguration.class})
@EnableTwins
public class BootApp {

    @Bean
    @ConditionalOnBooleanProperty("bench.observation")
    ObservationRegistry observationRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
        return registry;
    }
}
