package io.cpy2j.demo.legacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives the legacy twin's class path ({@code demo.legacy.classpath}) a real file: the old library's jar,
 * which the build put among the application's resources. A twin's class path takes files, so from a
 * repackaged jar (where the resource is nested) it is copied out to a temporary folder first.
 */
public class LegacyLibrary implements EnvironmentPostProcessor {

    static final String JAR = "demo.legacy.jar";
    static final String CLASSPATH = "demo.legacy.classpath";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(CLASSPATH) || !environment.containsProperty(JAR)) {
            return; // set by the user, or not this application
        }
        Path jar = file(environment.getRequiredProperty(JAR));
        environment.getPropertySources().addLast(new MapPropertySource("demoLegacyLibrary",
                Map.of(CLASSPATH, jar.toString())));
    }

    private static Path file(String resource) {
        URL url = LegacyLibrary.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("The legacy library " + resource + " is not among the resources: "
                    + "build the demo with Maven (it copies the jar there)");
        }
        try {
            return "file".equals(url.getProtocol()) ? Paths.get(url.toURI()) : copyOut(url, resource);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copyOut(URL url, String resource) {
        try (InputStream in = url.openStream()) {
            Path dir = Files.createTempDirectory("cpy2j-demo-legacy");
            Path jar = dir.resolve(Paths.get(resource).getFileName().toString());
            Files.copy(in, jar);
            jar.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the legacy library out of the application jar", e);
        }
    }
}
