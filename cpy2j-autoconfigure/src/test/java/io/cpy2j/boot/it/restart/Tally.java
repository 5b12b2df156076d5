package io.cpy2j.boot.it.restart;

import io.cpy2j.boot.TwinComponent;

/** A singleton in twin "phoenix" with state that a restart loses. */
@TwinComponent(twin = "phoenix")
public class Tally {

    private int count;

    public int increment() {
        return ++count;
    }
}
