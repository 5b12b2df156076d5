package io.cpy2j.function;

import java.io.Serializable;

/** A one-argument function that can be sent to a twin; see {@link TwinSupplier} for {@code X}. */
@FunctionalInterface
public interface TwinFunction<A, R, X extends Exception> extends Serializable {
    R apply(A a) throws X;
}
