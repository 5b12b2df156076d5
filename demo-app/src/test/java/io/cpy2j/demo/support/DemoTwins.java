package io.cpy2j.demo.support;

import tools.jackson.databind.JsonNode;

/** What the tests read from the twins endpoint and health, in one place. */
public final class DemoTwins {

    private DemoTwins() {
    }

    /** The modern twin's code needs Java 25: does the running modern twin have it? */
    public static boolean modernRunsJava25(DemoClient client) {
        return client.getJson("/actuator/twins/modern").path("javaVersion").asString().startsWith("25");
    }

    public static JsonNode twin(DemoClient client, String id) {
        return client.getJson("/actuator/twins/" + id);
    }

    /** UP, OUT_OF_SERVICE, DOWN or UNKNOWN: the twin's component of /actuator/health. */
    public static String health(DemoClient client, String id) {
        return client.getJson("/actuator/health").path("components").path("cpy2j").path("components")
                .path(id).path("status").asString();
    }
}
