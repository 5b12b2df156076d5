package io.cpy2j.boot.it.jdk25;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.boot.autoconfigure.endpoint.TwinsEndpoint;
import io.cpy2j.boot.it.RequiresJdk;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** The application runs on the test's JDK (17 here); its twin "jdk25" is found by version. */
@RequiresJdk(25)
@SpringBootTest(properties = {"cpy2j.twins.jdk25.java-version=25", "cpy2j.twins.jdk25.jvm-args=-Xmx128m",
        "management.endpoints.web.exposure.include=twins"})
@DirtiesContext // stops the twin when the class is done
class Jdk25TwinComponentTests {

    @Autowired
    ProbeController controller;

    @Autowired
    Notebook notebook;

    @Autowired
    @Qualifier("cpy2jHealthContributor")
    CompositeHealthContributor health;

    @Autowired
    TwinsEndpoint twins;

    @Test
    void theInjectedComponentRunsOnJava25() {
        assertThat(controller.javaVersion()).startsWith("25");
    }

    @Test
    void itsConstructorGotAMasterBeanByReferenceAndCalledItBack() {
        assertThat(notebook.lines()).contains("master wrote: created in jdk25");
    }

    @Test
    void itsMethodsCallTheMasterBeanBackWhileTheControllerWaits() {
        assertThat(controller.report()).isEqualTo("jdk25 on Java 25");
        assertThat(notebook.lines()).contains("master wrote: jdk25 on Java 25");
    }

    @Test
    void healthShowsTheTwinUpOnJava25() {
        Health twin = ((HealthIndicator) health.getContributor("jdk25")).health();

        assertThat(twin.getStatus()).isEqualTo(Status.UP);
        assertThat(twin.getDetails().get("javaVersion").toString()).startsWith("25");
        assertThat(twin.getDetails()).containsKey("pid").containsEntry("restarts", 0);
    }

    @Test
    void theTwinsEndpointListsIt() {
        assertThat(twins.twins().twins().get("jdk25")).containsEntry("state", "RUNNING");
    }
}
