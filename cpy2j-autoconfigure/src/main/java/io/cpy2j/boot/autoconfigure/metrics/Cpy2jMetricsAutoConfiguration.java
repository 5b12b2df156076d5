package io.cpy2j.boot.autoconfigure.metrics;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import io.cpy2j.boot.autoconfigure.TwinMastersById;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Twin gauges and counters, bound by Boot's metrics support when a {@link MeterRegistry} exists. */
@AutoConfiguration(after = Cpy2jAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, TwinMaster.class})
public final class Cpy2jMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TwinMetrics cpy2jTwinMetrics(ObjectProvider<TwinMaster> masters) {
        return new TwinMetrics(TwinMastersById.of(masters));
    }

    @Bean
    @ConditionalOnMissingBean
    ByteCounter cpy2jByteCounter(MeterRegistry registry) {
        return new ByteCounter(registry);
    }
}
