package io.cpy2j.boot.autoconfigure.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.boot.EnableTwins;
import io.cpy2j.boot.autoconfigure.Cpy2jAutoConfiguration;
import io.cpy2j.boot.fixtures.undeclared.StrayComponent;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/** Each wrong setting stops start-up with a description and an action, as Boot's own analyzers chose it. */
class FailureAnalysisTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(Cpy2jAutoConfiguration.class));

    @Test
    void noJdkOfTheAskedVersionListsTheJdksFound() {
        FailureAnalysis analysis = analyze("cpy2j.twins.future.java-version=99");

        assertThat(analysis.getDescription()).contains("Twin 'future'", "cpy2j.twins.future.java-version",
                "Value: 99", "no installed JDK has Java 99", "JDKs found: ",
                "(" + System.getProperty("java.vendor").split(" ")[0]);
        assertThat(analysis.getAction()).contains("Install a JDK 99", "java-version-fallback: current");
    }

    @Test
    void aJavaHomeThatIsNotAJdkSaysSo() {
        FailureAnalysis analysis = analyze("cpy2j.twins.nohome.java-home=" + System.getProperty("java.io.tmpdir"));

        assertThat(analysis.getDescription()).contains("cpy2j.twins.nohome.java-home", "not a JDK");
        assertThat(analysis.getAction()).contains("top folder of a JDK");
    }

    @Test
    void aNegativeTimeoutNamesThePropertyAndAsksForAPositiveOne() {
        FailureAnalysis analysis = analyze("cpy2j.twins.hasty.shutdown-timeout=-5s");

        assertThat(analysis.getDescription()).contains("cpy2j.twins.hasty.shutdown-timeout", "Value: PT-5S",
                "a timeout must be positive");
        assertThat(analysis.getAction()).contains("positive duration");
    }

    @Test
    void anUnknownRestartValueListsTheAllowedOnes() {
        FailureAnalysis analysis = analyze("cpy2j.twins.moody.restart=sometimes");

        assertThat(analysis.getDescription()).contains("Invalid value 'sometimes' for cpy2j.twins.moody.restart",
                "Allowed values: never, on-failure");
        assertThat(analysis.getAction()).isEqualTo("Set cpy2j.twins.moody.restart to one of: never, on-failure.");
    }

    @Test
    void aTwinComponentNamingAnUndeclaredTwinListsTheDeclaredOnes() {
        FailureAnalysis analysis = analyze(runner.withUserConfiguration(ScanStray.class),
                "cpy2j.twins.alpha.auto-start=lazy", "cpy2j.twins.beta.auto-start=lazy");

        assertThat(analysis.getDescription()).contains("@TwinComponent " + StrayComponent.class.getName(),
                "names twin 'nowhere', which is not declared", "Declared twins: alpha, beta");
        assertThat(analysis.getAction()).contains("cpy2j.twins.nowhere.java-version");
    }

    @Test
    void aTwinJvmThatDoesNotStartShowsItsCommandAndOutput() {
        FailureAnalysis analysis = analyze("cpy2j.twins.broken.jvm-args=-XX:+NoSuchFlagAnywhere");

        assertThat(analysis.getDescription()).contains("broken", "Command: ", "-XX:+NoSuchFlagAnywhere",
                "Exit status: 1", "Unrecognized VM option");
        assertThat(analysis.getAction()).contains("jvm-args");
    }

    private FailureAnalysis analyze(String... properties) {
        return analyze(runner, properties);
    }

    /**
     * As Boot does at start-up: the analyzers of spring.factories in order, the first answer wins (those
     * that need what a test lacks, such as a web stack, are skipped, as Boot skips them).
     */
    private static FailureAnalysis analyze(ApplicationContextRunner runner, String... properties) {
        FailureAnalysis[] analysis = new FailureAnalysis[1];
        runner.withPropertyValues(properties).run((AssertableApplicationContext context) -> {
            assertThat(context).hasFailed();
            ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
                    .and(Environment.class, new StandardEnvironment());
            List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                    .load(FailureAnalyzer.class, arguments, FailureHandler.handleMessage((message, e) -> { }));
            AnnotationAwareOrderComparator.sort(analyzers);
            analysis[0] = analyzers.stream().map(analyzer -> analyzer.analyze(context.getStartupFailure()))
                    .filter(Objects::nonNull).findFirst().orElseThrow();
        });
        return analysis[0];
    }

    @Configuration(proxyBeanMethods = false)
    @EnableTwins(basePackageClasses = StrayComponent.class)
    static class ScanStray {
    }
}
