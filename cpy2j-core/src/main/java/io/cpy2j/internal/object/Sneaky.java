package io.cpy2j.internal.object;

/** Rethrows a remote exception as itself, checked or not: the caller's method declared it (or its function did). */
public final class Sneaky {

    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    public static <X extends Throwable> RuntimeException raise(Throwable error) throws X {
        throw (X) error;
    }
}
