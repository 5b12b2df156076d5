package io.cpy2j;

/** No installed JDK matches what a twin asks for; the message lists what was found and where. */
public class JdkNotFoundException extends TwinStartupException {

    private static final long serialVersionUID = 1L;

    public JdkNotFoundException(String message) {
        super(message);
    }
}
