package io.cpy2j.internal.launch;

import io.cpy2j.TwinStartupException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the command that starts a twin JVM. */
public final class TwinCommandLine {

    /** The twin's entry point; a twin's classpath must contain cpy2j-core. */
    public static final String MAIN_CLASS = "io.cpy2j.internal.twin.TwinMain";

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
        String classpath = classpath(spec);
        command.addAll(cdsFlags);
        command.addAll(StdoutGuard.redirect(spec.jvmArgs()));
        for (Map.Entry<String, String> property : spec.systemProperties().entrySet()) {
            command.add("-D" + property.getKey() + "=" + property.getValue());
        }
        addClasspath(command, classpath);
        command.add(MAIN_CLASS);
        command.add(spec.id());
        command.add(Long.toString(masterPid));
        command.add(Integer.toString(spec.maxFrameSize()));
        return command;
    }

    static String classpath(TwinSpec spec) {
        List<String> entries = new ArrayList<>(spec.classpathPrepend());
        entries.addAll(spec.classpath());
        if (spec.inheritClasspath()) {
            entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        }
        entries.removeIf(String::isEmpty);
        return String.join(File.pathSeparator, entries);
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
