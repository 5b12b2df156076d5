package io.cpy2j.boot.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The twins are lazy here: nothing is started, so each component reports UNKNOWN. */
class Cpy2jHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class,
                    Cpy2jHealthContributorAutoConfiguration.class))
            .withPropertyValues("cpy2j.defaults.auto-start=lazy", "cpy2j.twins.one.jvm-args=-Xmx64m",
                    "cpy2j.twins.two.jvm-args=-Xmx32m", "cpy2j.twins.two.trust=restricted");

    @Test
    void oneComponentPerTwinUnderCpy2j() {
        runner.run(context -> {
            CompositeHealthContributor cpy2j = context.getBean("cpy2jHealthContributor",
                    CompositeHealthContributor.class);
            assertThat(cpy2j.stream().map(entry -> entry.name())).containsExactly("one", "two");
            HealthIndicator one = (HealthIndicator) cpy2j.getContributor("one");
            assertThat(one.health().getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(one.health().getDetails()).containsEntry("state", "NEW").containsEntry("trust", "FULL");
            HealthIndicator two = (HealthIndicator) cpy2j.getContributor("two");
            assertThat(two.health().getDetails()).containsEntry("trust", "RESTRICTED");
        });
    }

    @Test
    void backsOffWithoutTwins() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class,
                Cpy2jHealthContributorAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("cpy2jHealthContributor"));
    }

    @Test
    void backsOffWithoutSpringBootHealth() {
        runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("cpy2jHealthContributor"));
    }

    @Test
    void backsOffWhenTheIndicatorIsDisabled() {
        runner.withPropertyValues("management.health.cpy2j.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("cpy2jHealthContributor"));
    }

    @Test
    void aUserBeanOfTheSameNameReplacesOurs() {
        HealthIndicator mine = () -> org.springframework.boot.health.contributor.Health.up().build();
        runner.withBean("cpy2jHealthContributor", HealthContributor.class, () -> mine)
                .run(context -> assertThat(context.getBean("cpy2jHealthContributor")).isSameAs(mine));
    }
}
