package io.cpy2j.boot.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class Cpy2jEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class,
                    Cpy2jEndpointAutoConfiguration.class))
            .withPropertyValues("cpy2j.twins.ep.auto-start=lazy", "cpy2j.twins.ep.jvm-args=-Xmx64m");

    @Test
    void notExposedByDefaultAsActuatorWants() {
        runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TwinsEndpoint.class));
    }

    @Test
    void readListsEveryTwinAndOneById() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=twins").run(context -> {
            TwinsEndpoint endpoint = context.getBean(TwinsEndpoint.class);
            assertThat(endpoint.twins().twins()).containsOnlyKeys("ep");
            assertThat(endpoint.twin("ep")).containsEntry("state", "NEW").containsEntry("trust", "FULL");
            assertThat(endpoint.twin("nope")).isNull();
        });
    }

    @Test
    void showsWhichTwinsAreRestricted() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=twins", "cpy2j.twins.ep.trust=restricted")
                .run(context -> assertThat(context.getBean(TwinsEndpoint.class).twins().twins().get("ep"))
                        .containsEntry("trust", "RESTRICTED"));
    }

    @Test
    void writeRestartsATwin() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=twins").run(context -> {
            TwinsEndpoint endpoint = context.getBean(TwinsEndpoint.class);

            assertThat(endpoint.restart("ep")).containsEntry("state", "RUNNING").containsEntry("starts", 1);
            assertThat(endpoint.restart("ep")).containsEntry("starts", 2);
            assertThat(context.getBean(TwinMaster.class).isAlive()).isTrue();
            assertThat(endpoint.restart("nope")).isNull();
        });
    }

    @Test
    void backsOffWithoutActuator() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=twins")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(TwinsEndpoint.class));
    }

    @Test
    void aUserEndpointReplacesOurs() {
        TwinsEndpoint mine = new TwinsEndpoint(java.util.Map.of());
        runner.withPropertyValues("management.endpoints.web.exposure.include=twins")
                .withBean(TwinsEndpoint.class, () -> mine)
                .run(context -> assertThat(context.getBean(TwinsEndpoint.class)).isSameAs(mine));
    }
}
