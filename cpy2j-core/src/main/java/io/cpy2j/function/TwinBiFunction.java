package io.cpy2j.function;

import java.io.Serializable;

/** A two-argument function that can be sent to a twin; see {@link TwinSupplier} for {@code X}. */
@FunctionalInterface
public interface TwinBiFunction<A, B, R, X extends Exception> extends Serializable {
    R apply(A a, B b) throws X;
}
