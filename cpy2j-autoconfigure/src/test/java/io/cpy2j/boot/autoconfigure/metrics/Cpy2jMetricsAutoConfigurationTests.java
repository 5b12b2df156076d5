package io.cpy2j.boot.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class Cpy2jMetricsAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    Cpy2jAutoConfiguration.class, Cpy2jMetricsAutoConfiguration.class))
            .withPropertyValues("cpy2j.twins.metered.jvm-args=-Xmx64m");

    @Test
    void gaugesAndCountersPerTwin() {
        runner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            TwinMaster master = context.getBean(TwinMaster.class);
            master.execute(() -> 1); // one call made, none in flight

            assertThat(registry.get("cpy2j.twin.running").tag("twin", "metered").gauge().value()).isEqualTo(1);
            assertThat(registry.get("cpy2j.twin.calls.in.flight").tag("twin", "metered").gauge().value()).isZero();
            assertThat(registry.get("cpy2j.twin.proxies").tag("twin", "metered").gauge().value()).isZero();
            assertThat(registry.get("cpy2j.twin.exported").tag("twin", "metered").gauge().value()).isZero();
            assertThat(registry.get("cpy2j.twin.starts").tag("twin", "metered").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("cpy2j.twin.restarts").tag("twin", "metered").functionCounter().count()).isZero();
            master.stop();
            assertThat(registry.get("cpy2j.twin.running").tag("twin", "metered").gauge().value()).isZero();
        });
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class,
                Cpy2jMetricsAutoConfiguration.class)).withPropertyValues("cpy2j.twins.unmetered.auto-start=lazy")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TwinMetrics.class));
    }

    @Test
    void backsOffWithoutMicrometerEvenGivenARegistry() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class,
                Cpy2jMetricsAutoConfiguration.class)).withPropertyValues("cpy2j.twins.unmetered.auto-start=lazy")
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TwinMetrics.class));
    }

    @Test
    void aUserBinderReplacesOurs() {
        TwinMetrics mine = new TwinMetrics(Map.of());
        runner.withPropertyValues("cpy2j.twins.metered.auto-start=lazy").withBean(TwinMetrics.class, () -> mine)
                .run(context -> assertThat(context.getBean(TwinMetrics.class)).isSameAs(mine));
    }
}
