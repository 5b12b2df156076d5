package io.cpy2j.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.demo.support.DemoClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo repackaged by spring-boot-maven-plugin and run as {@code java -jar}: its twins start from the
 * jar (through Spring Boot's PropertiesLauncher), the legacy twin with its own SnakeYAML, and they stop
 * with it. Runs after {@code package}, as a failsafe integration test of {@code ./mvnw verify}.
 */
class RepackagedJarIT {

    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.destroy(); // graceful: the context stops its twins
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    @Test
    void theRepackagedJarStartsItsTwinsAndTheLegacyOneAnswersTheOldWay() throws Exception {
        int port = freePort();
        app = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                repackagedJar().toString(), "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(new File("target/repackaged-jar-it.log")).start();
        DemoClient client = new DemoClient(port);
        JsonNode twins = awaitTwins(client);
        for (String id : List.of("modern", "isolated", "legacy")) {
            assertThat(twins.path(id).path("state").asString()).as(id).isEqualTo("RUNNING");
        }
        JsonNode answers = client.json(client.post("/api/legacy", "!!java.net.URI https://cpy2j.io/demo"));
        assertThat(answers.get(1).path("version").asString()).isEqualTo("1.33");
        assertThat(answers.get(1).path("type").asString()).isEqualTo("java.net.URI");
        List<Long> pids = List.of("modern", "isolated", "legacy").stream().map(id -> twins.path(id).path("pid").asLong())
                .toList();

        app.destroy();
        assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app stops").isTrue();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(twin -> twin.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        }
        assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    /** Polls the twins endpoint until all three run, for at most two minutes (a cold start on 2 cores). */
    private JsonNode awaitTwins(DemoClient client) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the app is running; see target/repackaged-jar-it.log").isTrue();
            try {
                JsonNode twins = client.getJson("/actuator/twins").path("twins");
                if (Stream.of("modern", "isolated", "legacy")
                        .allMatch(id -> twins.path(id).path("state").asString().equals("RUNNING"))) {
                    return twins;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the twins did not all run within two minutes; see target/repackaged-jar-it.log");
    }

    private static Path repackagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Paths.get("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("demo-app-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no demo-app jar in target/: run after package"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
