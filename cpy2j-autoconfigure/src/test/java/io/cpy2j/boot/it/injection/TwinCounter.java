package io.cpy2j.boot.it.injection;

import io.cpy2j.Twins;
import io.cpy2j.boot.TwinComponent;
import org.springframework.beans.factory.annotation.Value;

/** Lives in twin "local"; its constructor's arguments were resolved in the master's context. */
@TwinComponent(twin = "local")
public class TwinCounter implements Counter {

    private final Audit audit;
    private final RecordingAudit auditByClass;
    private final String unit;
    private final CounterSettings settings;
    private int count;

    public TwinCounter(Audit audit, RecordingAudit auditByClass, @Value("${counter.unit}") String unit,
                       CounterSettings settings) {
        this.audit = audit;
        this.auditByClass = auditByClass;
        this.unit = unit;
        this.settings = settings;
    }

    @Override
    public int add(int n) {
        count += n * settings.getStep();
        audit.record("added " + n + " " + unit + " in " + Twins.currentTwinId());
        return count;
    }

    @Override
    public String runtime() {
        return Twins.currentTwinId() + "/" + ProcessHandle.current().pid();
    }

    @Override
    public boolean sameAuditBothWays() {
        return audit == auditByClass;
    }
}
