package io.cpy2j.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cpy2j.demo.support.DemoClient;
import io.cpy2j.demo.support.DemoTwins;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The isolated twin dies of its component's faults; the application keeps serving; the twin comes back. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IsolatedTwinTests {

    @LocalServerPort
    int port;

    DemoClient client;

    @BeforeEach
    void client() {
        client = new DemoClient(port);
    }

    @Test
    void runningOutOfMemoryKillsOnlyTheIsolatedTwinWhichComesBack() {
        JsonNode before = DemoTwins.twin(client, "isolated");

        JsonNode crash = client.postJson("/api/isolated/oom");

        assertThat(crash.path("died").asBoolean()).isTrue();
        assertThat(crash.path("message").asString()).contains("exit status 3").contains("OutOfMemoryError");
        assertRestartedAndServing(before);
    }

    @Test
    void systemExitKillsOnlyTheIsolatedTwinWhichComesBack() {
        JsonNode before = DemoTwins.twin(client, "isolated");

        JsonNode crash = client.postJson("/api/isolated/exit?status=7");

        assertThat(crash.path("died").asBoolean()).isTrue();
        assertThat(crash.path("message").asString()).contains("exit status 7");
        assertRestartedAndServing(before);
    }

    @Test
    void aSmallLeakIsSurvived() {
        JsonNode first = client.postJson("/api/isolated/leak?megabytes=4");
        JsonNode second = client.postJson("/api/isolated/leak?megabytes=4");

        assertThat(second.path("keptMegabytes").asInt()).isEqualTo(first.path("keptMegabytes").asInt() + 4);
    }

    /** Right after the crash: restarting (OUT_OF_SERVICE) while the other twins answer; then UP, a new JVM. */
    private void assertRestartedAndServing(JsonNode before) {
        assertThat(DemoTwins.health(client, "isolated")).isIn("OUT_OF_SERVICE", "DOWN");
        assertThat(client.post("/api/legacy", "").statusCode()).as("the application keeps serving").isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(DemoTwins.health(client, "isolated")).isEqualTo("UP"));
        JsonNode after = DemoTwins.twin(client, "isolated");
        assertThat(after.path("restarts").asInt()).isEqualTo(before.path("restarts").asInt() + 1);
        assertThat(after.path("pid").asLong()).isNotEqualTo(before.path("pid").asLong());
        assertThat(client.postJson("/api/isolated/leak?megabytes=1").path("pid").asLong())
                .as("its component works again, in the new JVM").isEqualTo(after.path("pid").asLong());
    }
}
