package io.cpy2j.boot.it.injection;

import io.cpy2j.Twins;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Records where each call ran: "master" when a twin called back into this bean by reference. */
@Component
public class RecordingAudit implements Audit {

    private final List<String> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(String entry) {
        entries.add(Twins.currentTwinId() + ": " + entry);
    }

    @Override
    public List<String> entries() {
        return List.copyOf(entries);
    }
}
