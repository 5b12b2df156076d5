package io.cpy2j.function;

import java.io.Serializable;

/** A three-argument function that can be sent to a twin; see {@link TwinSupplier} for {@code X}. */
@FunctionalInterface
public interface TwinTriFunction<A, B, C, R, X extends Exception> extends Serializable {
    R apply(A a, B b, C c) throws X;
}
