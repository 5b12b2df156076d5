package io.cpy2j.function;

import java.io.Serializable;

/** A task without a result that can be sent to a twin; see {@link TwinSupplier} for {@code X}. */
@FunctionalInterface
public interface TwinRunnable<X extends Exception> extends Serializable {
    void run() throws X;
}
