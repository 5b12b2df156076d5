package io.cpy2j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.demo.support.DemoClient;
import io.cpy2j.demo.support.DemoTwins;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The three twins as the page sees them: the twins endpoint, health, the overview and the page itself. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TwinsOverviewTests {

    static final List<String> TWINS = List.of("modern", "isolated", "legacy");

    @LocalServerPort
    int port;

    DemoClient client;

    @BeforeEach
    void client() {
        client = new DemoClient(port);
    }

    @Test
    void threeTwinsRunEachInItsOwnJvmWithItsJdk() {
        JsonNode twins = client.getJson("/actuator/twins").path("twins");

        assertThat(twins.propertyNames()).containsExactlyElementsOf(TWINS);
        for (String id : TWINS) {
            JsonNode twin = twins.path(id);
            assertThat(twin.path("state").asString()).as(id).isEqualTo("RUNNING");
            assertThat(twin.path("javaVersion").asString()).as(id).matches("\\d+.*");
            assertThat(twin.path("pid").asLong()).as(id).isNotEqualTo(ProcessHandle.current().pid());
        }
    }

    @Test
    void healthShowsEveryTwinUp() {
        for (String id : TWINS) {
            assertThat(DemoTwins.health(client, id)).as(id).isEqualTo("UP");
        }
    }

    @Test
    void theModernTwinRunsJava25OrThePageWarnsThatItFellBack() {
        JsonNode warnings = client.getJson("/api/overview").path("warnings");

        if (DemoTwins.modernRunsJava25(client)) {
            assertThat(warnings.isEmpty()).as("warnings: %s", warnings).isTrue();
        } else {
            assertThat(warnings.toString()).contains("asks for Java 25").contains("the modern twin is unavailable");
        }
    }

    @Test
    void theOverviewNamesTheMastersRuntimeAndTheLegacyLibrary() {
        JsonNode overview = client.getJson("/api/overview");

        assertThat(overview.path("master").path("java").asString()).isEqualTo(Runtime.version().toString());
        assertThat(overview.path("legacyLibrary").asString()).isEqualTo("SnakeYAML 1.33");
    }

    @Test
    void thePageIsServedAtTheRoot() {
        var page = client.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>cpy2j demo").contains("app.js");
        assertThat(client.get("/app.js").body()).contains("actuator/twins");
    }

    @Test
    void anUnknownPathIsNotFoundNotAServerError() {
        var response = client.get("/api/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(client.json(response).path("error").asString()).contains("nothing-here");
    }
}
