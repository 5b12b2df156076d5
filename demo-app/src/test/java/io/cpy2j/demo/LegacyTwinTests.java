package io.cpy2j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.demo.support.DemoClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The legacy twin's class path: SnakeYAML 1.33 there, Spring Boot's 2.x in the master, one call on both. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LegacyTwinTests {

    @LocalServerPort
    int port;

    DemoClient client;

    @BeforeEach
    void client() {
        client = new DemoClient(port);
    }

    @Test
    void theSameCallAnswersTheNewWayInTheMasterAndTheOldWayInTheTwin() {
        JsonNode answers = client.json(client.post("/api/legacy", "!!java.net.URI https://cpy2j.io/demo"));
        JsonNode master = answers.get(0);
        JsonNode twin = answers.get(1);

        assertThat(master.path("version").asString()).startsWith("2.");
        assertThat(master.path("loaded").asBoolean()).isFalse();
        assertThat(master.path("value").asString()).contains("Global tag is not allowed");
        assertThat(twin.path("version").asString()).isEqualTo("1.33");
        assertThat(twin.path("runtime").asString()).startsWith("legacy");
        assertThat(twin.path("loaded").asBoolean()).isTrue();
        assertThat(twin.path("type").asString()).isEqualTo("java.net.URI");
        assertThat(twin.path("value").asString()).isEqualTo("https://cpy2j.io/demo");
    }

    @Test
    void plainYamlLoadsAlikeOnBothSides() {
        JsonNode answers = client.json(client.post("/api/legacy", "port: 8080"));

        assertThat(answers.get(0).path("value").asString()).isEqualTo("{port=8080}");
        assertThat(answers.get(1).path("value")).isEqualTo(answers.get(0).path("value"));
    }

    @Test
    void anEmptyBodyLoadsTheSample() {
        JsonNode answers = client.json(client.post("/api/legacy", ""));

        assertThat(answers.get(1).path("type").asString()).isEqualTo("java.net.URI");
    }
}
