package io.cpy2j;

/**
 * A value cannot cross to another runtime. Thrown in the sender before anything is sent; the message
 * names the type and where it sits (for example "parameter 2 of Functions.render, field owner of Order").
 */
public class TwinSerializationException extends TwinException {

    private static final long serialVersionUID = 1L;

    public TwinSerializationException(String message) {
        super(message);
    }

    public TwinSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
