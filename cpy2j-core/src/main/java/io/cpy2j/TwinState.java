package io.cpy2j;

/** Where a twin is in its life. */
public enum TwinState {
    /** Built, never started. */
    NEW,
    STARTING,
    RUNNING,
    STOPPING,
    /** Stopped by {@link TwinMaster#stop()}. */
    STOPPED,
    /** The process died on its own (killed, crashed, {@code System.exit}); {@code start()} may be called again. */
    TERMINATED
}
