package io.cpy2j.benchmarks;

import java.util.Objects;

/** Sanity checks run once per trial, outside the measured code. */
public final class Checks {

    private Checks() {
    }

    public static void expect(Object actual, Object expected, String what) {
        if (!Objects.deepEquals(actual, expected)) {
            throw new IllegalStateException(what + " returned " + actual + ", expected " + expected);
        }
    }
}
