package io.cpy2j.hostile;

/** An exception of the twin's own: not a breach, but a restricted master must not load its class. */
public class GadgetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static {
        GadgetLog.LOADED.set(true);
    }

    public GadgetException(String message) {
        super(message);
    }
}
