package io.cpy2j.benchmarks.boot;

import io.cpy2j.boot.TwinComponent;

/** The starter's {@code @TwinComponent}: created in the twin, injected here as a proxy. */
@TwinComponent(twin = BootTwin.ID)
public class Echoer {

    public int echo(int value) {
        return value;
    }
}
