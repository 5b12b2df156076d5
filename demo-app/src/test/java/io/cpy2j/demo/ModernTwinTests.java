package io.cpy2j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.demo.support.DemoClient;
import io.cpy2j.demo.support.DemoTwins;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The modern twin: cpy2py's prime sieve on Java 25, drawn by the master; sum_series pinned and unpinned. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ModernTwinTests {

    @LocalServerPort
    int port;

    DemoClient client;

    @BeforeEach
    void client() {
        client = new DemoClient(port);
    }

    @Test
    void theSieveRunsInTheModernTwinAndComesBackAsAPicture() throws IOException {
        HttpResponse<byte[]> response = client.getBytes("/api/sieve?limit=10000");

        if (!DemoTwins.modernRunsJava25(client)) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(new String(response.body())).contains("the modern twin is unavailable");
            return;
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.headers().firstValue("X-Sieve-Java")).hasValueSatisfying(v -> assertThat(v).startsWith("25"));
        assertThat(response.headers().firstValue("X-Sieve-Primes")).hasValue("1229"); // primes below 10,000
        var image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(600); // a 100 x 100 matrix, scaled up
    }

    @Test
    void aLimitOutOfRangeIsRefusedWithAMessage() {
        HttpResponse<String> response = client.get("/api/sieve?limit=5");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(client.json(response).path("error").asString()).contains("limit must be between 100 and");
    }

    @Test
    void sumSeriesAnswersTheSameUnpinnedAndPinnedToTheModernTwin() {
        JsonNode runs = client.postJson("/api/sum-series?maxN=1000000");

        assertThat(runs.get(0).path("mode").asString()).isEqualTo("unpinned");
        assertThat(runs.get(0).path("runtime").asString()).isEqualTo("master");
        assertThat(runs.get(1).path("mode").asString()).isEqualTo("pinned");
        assertThat(runs.get(1).path("runtime").asString()).isEqualTo("modern");
        assertThat(runs.get(1).path("series")).isEqualTo(runs.get(0).path("series"));
        JsonNode last = runs.get(0).path("series").get(10);
        assertThat(last.path("n").asLong()).isEqualTo(1_000_000L);
        assertThat(last.path("total").asLong()).isEqualTo(499_999_500_000L);
        assertThat(runs.get(1).path("millis").asDouble()).isPositive();
    }
}
