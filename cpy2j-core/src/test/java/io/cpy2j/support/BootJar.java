package io.cpy2j.support;

import io.cpy2j.TwinMaster;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.boot.loader.launch.JarLauncher;

/**
 * Builds a repackaged Spring Boot jar the way spring-boot-maven-plugin lays it out, from this test's own
 * class path: Boot's loader classes at the root, the start class and resources in {@code BOOT-INF/classes/},
 * cpy2j-core (as a jar) and every other jar of the test class path in {@code BOOT-INF/lib/}, stored
 * uncompressed as Boot's loader requires for nested jars.
 */
public final class BootJar {

    private BootJar() {
    }

    /** {@code resources}: file name to text, put in BOOT-INF/classes/. */
    public static Path build(Path jar, Class<?> startClass, Map<String, String> resources) throws Exception {
        Path work = Files.createTempDirectory(jar.getParent(), "boot-jar");
        Path loaderJar = codeSource(JarLauncher.class);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest(startClass))) {
            directory(out, "BOOT-INF/");
            directory(out, "BOOT-INF/classes/");
            directory(out, "BOOT-INF/lib/");
            copyLoader(out, loaderJar);
            copyClass(out, startClass);
            for (Map.Entry<String, String> resource : resources.entrySet()) {
                out.putNextEntry(new JarEntry("BOOT-INF/classes/" + resource.getKey()));
                out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            stored(out, "BOOT-INF/lib/cpy2j-core.jar", coreJar(work));
            for (Path library : libraries(loaderJar)) {
                stored(out, "BOOT-INF/lib/" + library.getFileName(), library);
            }
        }
        return jar;
    }

    private static Manifest manifest(Class<?> startClass) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, JarLauncher.class.getName());
        main.putValue("Start-Class", startClass.getName());
        main.putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
        main.putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
        return manifest;
    }

    /** The loader's classes and its file-system provider, at the root where {@code java -jar} finds them. */
    private static void copyLoader(JarOutputStream out, Path loaderJar) throws IOException {
        try (JarFile loader = new JarFile(loaderJar.toFile())) {
            for (JarEntry entry : loader.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("org/") || name.startsWith("META-INF/services/")) {
                    out.putNextEntry(new JarEntry(name));
                    try (InputStream in = loader.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
    }

    /** The class and its nested and synthetic classes, from the test-classes folder. */
    private static void copyClass(JarOutputStream out, Class<?> type) throws Exception {
        Path root = codeSource(type);
        String path = type.getName().replace('.', '/');
        Path folder = root.resolve(path).getParent();
        String simple = type.getSimpleName();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> isClassOf(f.getFileName().toString(), simple)).toList()) {
                String name = root.relativize(file).toString().replace(File.separatorChar, '/');
                out.putNextEntry(new JarEntry("BOOT-INF/classes/" + name));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
    }

    private static boolean isClassOf(String fileName, String simpleName) {
        return fileName.equals(simpleName + ".class") || fileName.startsWith(simpleName + "$");
    }

    /** cpy2j-core's classes as a jar: under Maven they are the target/classes folder. */
    private static Path coreJar(Path work) throws Exception {
        Path classes = codeSource(TwinMaster.class);
        if (Files.isRegularFile(classes)) {
            return classes;
        }
        Path jar = work.resolve("cpy2j-core.jar");
        try (ZipOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Every jar of the test class path but the loader (it sits at the root): cpy2j-core's runtime
     * dependencies are among them, and listing those by name would break when the core gains one.
     */
    private static List<Path> libraries(Path loaderJar) {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Paths.get(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(path) && !path.equals(loaderJar)) {
                jars.add(path);
            }
        }
        return jars;
    }

    /** Boot reads nested jars in place, so they must be STORED: size and CRC go in the header first. */
    private static void stored(JarOutputStream out, String name, Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        JarEntry entry = new JarEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    private static void directory(JarOutputStream out, String name) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.closeEntry();
    }

    private static Path codeSource(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
