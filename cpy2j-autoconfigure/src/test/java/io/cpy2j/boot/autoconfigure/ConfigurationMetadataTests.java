package io.cpy2j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata an IDE reads to complete and explain cpy2j.* keys, as the annotation processor wrote it. */
class ConfigurationMetadataTests {

    private final Map<String, JsonNode> properties = properties();

    @Test
    void everyFieldOfATwinEntryIsDescribedUnderTheDefaults() throws Exception {
        List<String> fields = Arrays.stream(Introspector.getBeanInfo(TwinProperties.class, Object.class)
                .getPropertyDescriptors()).map(PropertyDescriptor::getName).map(ConfigurationMetadataTests::kebab).toList();

        assertThat(fields).hasSize(20);
        for (String field : fields) {
            assertThat(properties).containsKey("cpy2j.defaults." + field);
            assertThat(properties.get("cpy2j.defaults." + field).path("description").asString())
                    .as(field).isNotBlank();
        }
    }

    @Test
    void theDefaultsShowCpy2jsOwnDefaultValues() {
        assertThat(properties.get("cpy2j.defaults.startup-timeout").path("defaultValue").asString()).isEqualTo("30s");
        assertThat(properties.get("cpy2j.defaults.restart").path("defaultValue").asString()).isEqualTo("never");
        assertThat(properties.get("cpy2j.defaults.trust").path("defaultValue").asString()).isEqualTo("full");
        assertThat(properties.get("cpy2j.defaults.java-version-fallback").path("defaultValue").asString())
                .isEqualTo("none");
        assertThat(properties.get("cpy2j.enabled").path("defaultValue").asBoolean()).isTrue();
    }

    @Test
    void theTwinsMapIsTypedWithTheEntryClassSoIdesCanCompleteItsFields() {
        assertThat(properties.get("cpy2j.twins").path("type").asString())
                .isEqualTo("java.util.Map<java.lang.String,io.cpy2j.boot.autoconfigure.TwinProperties>");
    }

    private static Map<String, JsonNode> properties() {
        try (InputStream in = ConfigurationMetadataTests.class.getResourceAsStream(
                "/META-INF/spring-configuration-metadata.json")) {
            Map<String, JsonNode> byName = new HashMap<>();
            JsonMapper.builder().build().readTree(in).path("properties")
                    .forEach(node -> byName.put(node.path("name").asString(), node));
            return byName;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
    }
}
