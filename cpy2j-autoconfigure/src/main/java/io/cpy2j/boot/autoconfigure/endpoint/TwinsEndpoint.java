package io.cpy2j.boot.autoconfigure.endpoint;

import io.cpy2j.TwinMaster;
import io.cpy2j.boot.autoconfigure.TwinStatusDetails;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.jspecify.annotations.Nullable;

/**
 * {@code /actuator/twins}: every twin's status; {@code /actuator/twins/{id}}: one; a POST to it restarts
 * that twin (objects living in it are lost). Exposed only where the application exposes it, as any
 * Actuator endpoint other than health.
 */
@Endpoint(id = "twins")
public class TwinsEndpoint {

    private final Map<String, TwinMaster> masters;

    public TwinsEndpoint(Map<String, TwinMaster> masters) {
        this.masters = masters;
    }

    @ReadOperation
    public TwinsDescriptor twins() {
        Map<String, Map<String, Object>> twins = new LinkedHashMap<>();
        masters.forEach((id, master) -> twins.put(id, TwinStatusDetails.of(master)));
        return new TwinsDescriptor(twins);
    }

    /** One twin's status; no twin of that id answers 404. */
    @ReadOperation
    @Nullable
    public Map<String, Object> twin(@Selector String id) {
        TwinMaster master = masters.get(id);
        return master == null ? null : TwinStatusDetails.of(master);
    }

    /** Stops the twin and starts it again; its status afterwards, or 404 for an unknown id. */
    @WriteOperation
    @Nullable
    public Map<String, Object> restart(@Selector String id) {
        TwinMaster master = masters.get(id);
        if (master == null) {
            return null;
        }
        master.stop();
        master.start();
        return TwinStatusDetails.of(master);
    }

    /** What the read operation answers: the twins by id. */
    public record TwinsDescriptor(Map<String, Map<String, Object>> twins) {
    }
}
