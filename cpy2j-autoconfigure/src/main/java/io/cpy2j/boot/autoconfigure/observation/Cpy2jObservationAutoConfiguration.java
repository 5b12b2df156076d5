package io.cpy2j.boot.autoconfigure.observation;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Every cross-runtime call as a {@code cpy2j.call} Observation: with Actuator a timer, with Micrometer
 * Tracing a span whose context crosses into the twin with the call. Backs off without Micrometer's
 * observation API or an {@link ObservationRegistry}.
 */
@AutoConfiguration(after = Cpy2jAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ObservationRegistry.class, TwinMaster.class})
@ConditionalOnBean(ObservationRegistry.class)
public final class Cpy2jObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ObservationTwinCallObserver cpy2jObservationCallObserver(ObservationRegistry registry) {
        return new ObservationTwinCallObserver(registry);
    }
}
