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
    TERMINATED,
    /** It died and its {@link RestartPolicy} is starting it again: calls wait up to the call timeout for it. */
    RESTARTING
}
