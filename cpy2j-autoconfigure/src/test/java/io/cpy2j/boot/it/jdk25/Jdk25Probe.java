package io.cpy2j.boot.it.jdk25;

import io.cpy2j.Twins;
import io.cpy2j.boot.TwinComponent;

/** Created in the Java 25 twin with a master bean, which it calls back at once and on every report. */
@TwinComponent(twin = "jdk25")
public class Jdk25Probe implements RuntimeProbe {

    private final Notebook notebook;

    public Jdk25Probe(Notebook notebook) {
        this.notebook = notebook;
        notebook.write("created in " + Twins.currentTwinId());
    }

    @Override
    public String javaVersion() {
        return System.getProperty("java.version");
    }

    @Override
    public String report() {
        String seen = Twins.currentTwinId() + " on Java " + Runtime.version().feature();
        notebook.write(seen);
        return seen;
    }

    @Override
    public String mdc(String key) {
        return org.slf4j.MDC.get(key);
    }
}
