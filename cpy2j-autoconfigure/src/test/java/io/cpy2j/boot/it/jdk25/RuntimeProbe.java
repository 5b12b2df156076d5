package io.cpy2j.boot.it.jdk25;

public interface RuntimeProbe {

    /** The {@code java.version} of the JVM the probe lives in. */
    String javaVersion();

    /** Writes what it sees into the notebook it was given, and returns it. */
    String report();

    /** What the twin's SLF4J MDC holds under {@code key} while it serves this call. */
    String mdc(String key);
}
