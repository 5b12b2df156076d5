package io.cpy2j;

/** The channel to a twin carried something that is not cpy2j's protocol, or another protocol version. */
public class TwinProtocolException extends TwinException {

    private static final long serialVersionUID = 1L;

    public TwinProtocolException(String message) {
        super(message);
    }
}
