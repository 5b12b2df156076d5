package io.cpy2j.boot.autoconfigure.health;

import io.cpy2j.TwinMaster;
import io.cpy2j.TwinState;
import io.cpy2j.TwinStatus;
import io.cpy2j.TwinTrust;
import io.cpy2j.boot.autoconfigure.TwinHeap;
import io.cpy2j.boot.autoconfigure.TwinStatusDetails;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One twin's health, from one consistent {@link TwinStatus}: UP while it runs, OUT_OF_SERVICE while its
 * restart policy brings it back, DOWN when it is dead and will not come back by itself, UNKNOWN before
 * it was started (a lazy twin nobody needed yet).
 */
public final class TwinHealthIndicator implements HealthIndicator {

    private final TwinMaster master;

    public TwinHealthIndicator(TwinMaster master) {
        this.master = master;
    }

    /** The status, plus the heap used and its maximum, sampled in the twin (omitted if it does not answer). */
    @Override
    public Health health() {
        Health.Builder health = builder(master.status(), master.trust());
        TwinHeap.sample(master).ifPresent(heap -> health.withDetail("heapUsed", heap.used())
                .withDetail("heapMax", heap.max()));
        return health.build();
    }

    static Health health(TwinStatus status, TwinTrust trust) {
        return builder(status, trust).build();
    }

    /** From one snapshot of the status, so that the health's status and its details agree. */
    private static Health.Builder builder(TwinStatus status, TwinTrust trust) {
        return Health.status(status(status.state())).withDetails(TwinStatusDetails.of(status, trust));
    }

    static Status status(TwinState state) {
        return switch (state) {
            case RUNNING -> Status.UP;
            case RESTARTING -> Status.OUT_OF_SERVICE;
            case STOPPING, STOPPED, TERMINATED -> Status.DOWN;
            case NEW, STARTING -> Status.UNKNOWN;
        };
    }
}
