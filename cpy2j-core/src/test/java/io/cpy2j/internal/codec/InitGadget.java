package io.cpy2j.internal.codec;

import java.util.concurrent.atomic.AtomicBoolean;

/** Records in {@link Flag#INITIALISED} whether it was ever initialised: a restricted peer naming it must not get that far. */
public class InitGadget {

    static {
        Flag.INITIALISED.set(true);
    }

    /** Apart from the gadget: reading a static field of the gadget itself would initialise it. */
    static final class Flag {
        static final AtomicBoolean INITIALISED = new AtomicBoolean();

        private Flag() {
        }
    }
}
