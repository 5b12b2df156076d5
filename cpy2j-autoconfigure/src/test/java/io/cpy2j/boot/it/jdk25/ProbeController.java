package io.cpy2j.boot.it.jdk25;

import org.springframework.stereotype.Component;

/** Stands for a web controller: a plain bean with the probe injected by its interface. */
@Component
public class ProbeController {

    private final RuntimeProbe probe;

    public ProbeController(RuntimeProbe probe) {
        this.probe = probe;
    }

    public String javaVersion() {
        return probe.javaVersion();
    }

    public String report() {
        return probe.report();
    }
}
