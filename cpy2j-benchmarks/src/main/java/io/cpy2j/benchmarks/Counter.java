package io.cpy2j.benchmarks;

import io.cpy2j.Twin;

/** A twin object: lives in the benchmark twin, and the master calls it through a proxy. */
@Twin(CpyTwin.ID)
public class Counter {

    public int echo(int value) {
        return value;
    }

    /** One call back into the master per call, so the benchmark measures a nested round trip. */
    public int callBack(IntCallback callback, int value) {
        return callback.apply(value);
    }
}
