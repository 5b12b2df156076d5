package io.cpy2j;

/**
 * Stands in for an exception thrown in another runtime whose class could not be rebuilt here
 * (missing from this classpath, or not constructible). Carries the remote type name and message;
 * its stack trace shows the remote frames followed by the local ones.
 */
public class RemoteTwinException extends TwinException {

    private static final long serialVersionUID = 1L;

    private final String remoteType;

    public RemoteTwinException(String remoteType, String message) {
        super(remoteType + (message == null ? "" : ": " + message));
        this.remoteType = remoteType;
    }

    /** Fully qualified class name of the exception in the other runtime. */
    public String remoteType() {
        return remoteType;
    }
}
