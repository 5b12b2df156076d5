package io.cpy2j.function;

import java.io.Serializable;

/**
 * A supplier that can be sent to a twin. {@code X} is inferred from the lambda or method reference,
 * so a checked exception it declares stays checked for the caller.
 */
@FunctionalInterface
public interface TwinSupplier<R, X extends Exception> extends Serializable {
    R get() throws X;
}
