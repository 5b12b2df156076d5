package io.cpy2j;

/**
 * Base type of every failure cpy2j reports: catch this to handle anything that went wrong
 * between runtimes. The message always names the twin and says what to do.
 */
public class TwinException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TwinException(String message) {
        super(message);
    }

    public TwinException(String message, Throwable cause) {
        super(message, cause);
    }
}
