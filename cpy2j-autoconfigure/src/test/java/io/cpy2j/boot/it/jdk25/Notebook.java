package io.cpy2j.boot.it.jdk25;

import io.cpy2j.Twins;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** A master bean the twin writes into: each line says which runtime wrote it down. */
@Component
public class Notebook {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    public void write(String line) {
        lines.add(Twins.currentTwinId() + " wrote: " + line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
