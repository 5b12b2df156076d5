package io.cpy2j.demo.legacy;

import io.cpy2j.Twins;
import io.cpy2j.boot.TwinComponent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;
import org.yaml.snakeyaml.Yaml;

/**
 * One call to SnakeYAML, {@code new Yaml().load(text)}, described as text. The bean lives in the legacy
 * twin, whose class path puts SnakeYAML 1.x first; the master makes its own instance with {@code new}
 * and so answers with the 2.x that Spring Boot brings.
 */
@TwinComponent(twin = "legacy")
public class YamlProbe {

    /** What this runtime's SnakeYAML makes of the document, or why it refused it. */
    public YamlAnswer load(String text) {
        String runtime = Twins.currentTwinId() + " (Java " + Runtime.version() + ")";
        try {
            Object value = new Yaml().load(text);
            String type = value == null ? "null" : value.getClass().getName();
            return new YamlAnswer(runtime, version(), true, type, String.valueOf(value));
        } catch (RuntimeException e) {
            return new YamlAnswer(runtime, version(), false, e.getClass().getName(), firstLine(e.getMessage()));
        }
    }

    /** The version of the SnakeYAML jar Yaml was loaded from, read from that same jar's Maven metadata. */
    static String version() {
        URL yamlClass = Yaml.class.getResource("Yaml.class");
        String base = String.valueOf(yamlClass).replace("org/yaml/snakeyaml/Yaml.class", "");
        try (InputStream in = new URL(base + "META-INF/maven/org.yaml/snakeyaml/pom.properties").openStream()) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown (" + yamlClass + ")";
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").strip();
    }
}
