package io.cpy2j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.demo.support.DemoClient;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A machine without the JDK the modern twin asks for (a Java 99 nobody has): the demo still starts, the
 * twin runs on the master's JDK, the log and the page say so, and the Java 25 code says it cannot run.
 * Runs first and closes its context, because its modern twin's settings differ from the shared context's.
 */
@Order(1)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "cpy2j.twins.modern.java-version=99")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class FallbackTests {

    @LocalServerPort
    int port;

    DemoClient client;

    @BeforeEach
    void client() {
        client = new DemoClient(port);
    }

    @Test
    void theTwinRunsOnTheMastersJdkWithAWarningInTheLog(CapturedOutput output) {
        String running = client.getJson("/actuator/twins/modern").path("javaVersion").asString();

        assertThat(running).startsWith(Runtime.version().feature() + ".");
        assertThat(output.getAll()).contains("Twin 'modern' asks for Java 99, which is not installed");
    }

    @Test
    void thePageWarnsThatTheTwinFellBackAndTheModernCodeIsUnavailable() {
        String warnings = client.getJson("/api/overview").path("warnings").toString();

        assertThat(warnings).contains("twin 'modern' asks for Java 99, which is not installed")
                .contains("the modern twin is unavailable");
    }

    @Test
    void theSieveSaysWhyItCannotRun() {
        HttpResponse<String> response = client.get("/api/sieve");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(client.json(response).path("error").asString()).contains("the modern twin is unavailable");
    }
}
