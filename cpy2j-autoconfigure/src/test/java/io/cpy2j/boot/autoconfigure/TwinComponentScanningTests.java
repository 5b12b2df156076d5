package io.cpy2j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import io.cpy2j.boot.EnableTwins;
import io.cpy2j.boot.fixtures.app.AppComponent;
import io.cpy2j.boot.fixtures.chosen.ChosenComponent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Where @TwinComponent classes are found; the twin is lazy, so no bean here is created or twin started. */
class TwinComponentScanningTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class))
            .withPropertyValues("cpy2j.twins.picky.auto-start=lazy");

    @Test
    void theApplicationsPackagesAreScannedByDefault() {
        runner.withUserConfiguration(App.class).run(context -> {
            assertThat(context.getBeanNamesForType(AppComponent.class)).containsExactly("appComponent");
            assertThat(context.getBeanNamesForType(ChosenComponent.class)).isEmpty();
        });
    }

    @Test
    void enableTwinsScansTheChosenPackagesInstead() {
        runner.withUserConfiguration(App.class, ChoosesPackage.class).run(context -> {
            assertThat(context.getBeanNamesForType(ChosenComponent.class)).containsExactly("chosen");
            assertThat(context.getBeanNamesForType(AppComponent.class)).isEmpty();
            assertThat(context.getBean(TwinComponentPackages.class).packages())
                    .containsExactly(ChosenComponent.class.getPackageName());
        });
    }

    @Test
    void aComponentIsKnownByTypeWithoutCreatingItOrStartingItsTwin() {
        runner.withUserConfiguration(App.class).run(context -> {
            assertThat(context.getType("appComponent")).isEqualTo(AppComponent.class);
            assertThat(context.getBean(TwinMaster.class).state()).isEqualTo(TwinState.NEW);
        });
    }

    @Test
    void disabledRegistersNoComponentsEvenWithEnableTwins() {
        runner.withPropertyValues("cpy2j.enabled=false").withUserConfiguration(App.class, ChoosesPackage.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ChosenComponent.class)
                        .doesNotHaveBean(AppComponent.class));
    }

    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = AppComponent.class)
    static class App {
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTwins(basePackageClasses = ChosenComponent.class)
    static class ChoosesPackage {
    }
}
