package io.cpy2j;

/**
 * A proxy's native object is gone: its twin died or was restarted (objects do not survive their
 * process), or the object was already released. Create the object again.
 */
public class StaleTwinReferenceException extends TwinException {

    private static final long serialVersionUID = 1L;

    public StaleTwinReferenceException(String message) {
        super(message);
    }

    public StaleTwinReferenceException(String message, Throwable cause) {
        super(message, cause);
    }
}
