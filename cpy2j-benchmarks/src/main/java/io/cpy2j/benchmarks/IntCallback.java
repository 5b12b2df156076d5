package io.cpy2j.benchmarks;

/** What a twin object calls back into the master with; the master exports its implementation. */
public interface IntCallback {
    int apply(int value);
}
