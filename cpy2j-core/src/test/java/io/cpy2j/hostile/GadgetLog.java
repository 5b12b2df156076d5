package io.cpy2j.hostile;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the gadgets of a hostile twin record that they were loaded: each sets {@link #LOADED} in its
 * static initializer, so the master's test can tell whether any of them was ever loaded there.
 */
public final class GadgetLog {

    public static final AtomicBoolean LOADED = new AtomicBoolean();
    /** Set by a function of the twin's if it ever runs in the master. */
    public static final AtomicBoolean RAN_IN_MASTER = new AtomicBoolean();

    private GadgetLog() {
    }
}
