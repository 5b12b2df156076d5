package io.cpy2j;

/** A twin could not be started: no matching JDK, a JVM that exited or stayed silent, a refused handshake. */
public class TwinStartupException extends TwinException {

    private static final long serialVersionUID = 1L;

    public TwinStartupException(String message) {
        super(message);
    }

    public TwinStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
