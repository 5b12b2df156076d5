package io.cpy2j.internal.launch;

import io.cpy2j.TwinBootstrap;
import io.cpy2j.TwinStartupException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the command that starts a twin JVM. */
public final class TwinCommandLine {

    /** The twin's entry point; a twin's classpath must contain cpy2j-core. */
    public static final String MAIN_CLASS = TwinBootstrap.TWIN_MAIN_CLASS;

    /** The oldest Java that can load cpy2j-core's classes. */
    static final int MIN_JAVA = 17;

    /** Above this a classpath goes into an argument file: one argument may not exceed 128 KiB on Linux. */
    private static final int ARGFILE_THRESHOLD = 32 * 1024;

    private TwinCommandLine() {
    }

    /** {@code cdsFlags}: from {@link ClassDataSharing#plan}, which needs the same {@link #classpath}. */
    static List<String> build(TwinSpec spec, long masterPid, List<String> cdsFlags) {
        if (spec.jdk().featureVersion() < MIN_JAVA) {
            throw new TwinStartupException("twin '" + spec.id() + "' asks for Java " + spec.jdk().version() + " at "
                    + spec.jdk().home() + ", but cpy2j twins need Java " + MIN_JAVA + " or newer");
        }
        List<String> command = new ArrayList<>();
        command.add(spec.jdk().javaExecutable().toString());
        // VM messages and logs go to stderr by default: stdout is the channel. The JVM's default log output
        // (warnings to stdout) stays on beside a new one unless disabled first. The user's flags come later and win.
        command.add("-XX:+DisplayVMOutputToStderr");
        command.add("-Xlog:disable");
        command.add("-Xlog:all=warning:stderr");
        // A twin that ran out of memory is in an unknown state: let it die, and the master report it.
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(cdsFlags);
        command.addAll(StdoutGuard.redirect(spec.jvmArgs()));
        command.addAll(systemProperties(spec));
        // After the user's options: the launcher must run the twin's main class whatever they say.
        command.addAll(spec.bootstrap().launcherArgs());
        addClasspath(command, classpath(spec));
        command.add(spec.bootstrap().mainClass());
        command.add(spec.id());
        command.add(Long.toString(masterPid));
        command.add(Integer.toString(spec.maxFrameSize()));
        return command;
    }

    /**
     * The JVM's {@code -cp}: the twin's extra entries first, so that their classes win, then the bootstrap's
     * class path. A launcher with its own class loader (Spring Boot's) takes the extra entries in a property
     * instead: on {@code -cp} they would lose to the classes it loads from its jar.
     */
    static String classpath(TwinSpec spec) {
        List<String> entries = new ArrayList<>();
        if (spec.bootstrap().extraClasspathProperty() == null) {
            entries.addAll(spec.classpathPrepend());
        }
        entries.addAll(spec.bootstrap().classpath());
        entries.removeIf(String::isEmpty);
        return String.join(File.pathSeparator, entries);
    }

    /** The user's {@code -D} options, and the extra entries in the launcher's property, ahead of any value the user gave it. */
    private static List<String> systemProperties(TwinSpec spec) {
        Map<String, String> properties = new LinkedHashMap<>(spec.systemProperties());
        String property = spec.bootstrap().extraClasspathProperty();
        if (property != null && !spec.classpathPrepend().isEmpty()) {
            List<String> values = new ArrayList<>(spec.classpathPrepend());
            if (properties.containsKey(property)) {
                values.add(properties.get(property));
            }
            properties.put(property, String.join(",", values)); // Boot's loader.path is comma-separated
        }
        List<String> options = new ArrayList<>();
        properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        return options;
    }

    private static void addClasspath(List<String> command, String classpath) {
        if (classpath.length() < ARGFILE_THRESHOLD) {
            command.add("-cp");
            command.add(classpath);
            return;
        }
        try {
            Path argFile = Files.createTempFile("cpy2j-classpath", ".args");
            argFile.toFile().deleteOnExit();
            String quoted = classpath.replace("\\", "\\\\").replace("\"", "\\\"");
            Files.writeString(argFile, "-cp \"" + quoted + "\"\n", StandardCharsets.UTF_8);
            command.add("@" + argFile);
        } catch (IOException e) {
            throw new TwinStartupException("cannot write the twin's classpath argument file: " + e.getMessage(), e);
        }
    }
}
