package io.cpy2j.demo.modern;

/** The modern twin cannot run its Java 25 code: not built, or no JDK 25 to run it. */
public class ModernUnavailableException extends RuntimeException {

    public ModernUnavailableException(String message) {
        super(message);
    }
}
