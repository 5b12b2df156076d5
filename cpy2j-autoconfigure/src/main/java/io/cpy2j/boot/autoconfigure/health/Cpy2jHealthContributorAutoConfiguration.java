package io.cpy2j.boot.autoconfigure.health;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import io.cpy2j.boot.autoconfigure.TwinMastersById;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code cpy2j} health contributor: one component per twin. Off with
 * {@code management.health.cpy2j.enabled=false}; add {@code cpy2j} to a health group (readiness, say)
 * to make the application unready while a twin is down.
 */
@AutoConfiguration(after = Cpy2jAutoConfiguration.class)
@ConditionalOnClass({HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(TwinMaster.class)
@ConditionalOnEnabledHealthIndicator("cpy2j")
public final class Cpy2jHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "cpy2jHealthContributor")
    HealthContributor cpy2jHealthContributor(ObjectProvider<TwinMaster> masters) {
        return CompositeHealthContributor.fromMap(TwinMastersById.of(masters), TwinHealthIndicator::new);
    }
}
