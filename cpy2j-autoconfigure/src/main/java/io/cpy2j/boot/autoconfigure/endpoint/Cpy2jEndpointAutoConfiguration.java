package io.cpy2j.boot.autoconfigure.endpoint;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import io.cpy2j.boot.autoconfigure.TwinMastersById;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code twins} Actuator endpoint, when Actuator is present and the application exposes it. */
@AutoConfiguration(after = Cpy2jAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(TwinMaster.class)
@ConditionalOnAvailableEndpoint(TwinsEndpoint.class)
public final class Cpy2jEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwinsEndpoint twinsEndpoint(ObjectProvider<TwinMaster> masters) {
        return new TwinsEndpoint(TwinMastersById.of(masters));
    }
}
