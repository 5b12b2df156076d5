package io.cpy2j;

import java.util.OptionalInt;

/**
 * The twin process is gone (killed, {@code System.exit}, crashed) or was stopped. Every call in flight
 * and every later call fails with this until the twin is started again.
 */
public class TwinTerminatedException extends TwinException {

    private static final long serialVersionUID = 1L;

    private final String twinId;
    private final Integer exitStatus;

    public TwinTerminatedException(String twinId, Integer exitStatus, String message) {
        super(message);
        this.twinId = twinId;
        this.exitStatus = exitStatus;
    }

    public String twinId() {
        return twinId;
    }

    /** The process's exit status, empty when it was not known in time. */
    public OptionalInt exitStatus() {
        return exitStatus == null ? OptionalInt.empty() : OptionalInt.of(exitStatus);
    }
}
