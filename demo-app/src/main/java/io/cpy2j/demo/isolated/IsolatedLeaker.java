package io.cpy2j.demo.isolated;

import io.cpy2j.TwinMaster;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The {@link Leaker} bean, living on across restarts of its twin. The starter makes it with
 * {@code create}, so it dies with its twin and its proxy turns stale; until the starter makes
 * recreatable objects, this makes a new one when the twin was started again since the last one was made.
 * It never retries a call: a call that kills the twin must fail, not kill the next twin too.
 */
@Component
class IsolatedLeaker {

    private final TwinMaster twin;
    private Leaker current;
    /** The twin's start count when {@link #current} was made: the process it lives in. */
    private int madeInStart;

    IsolatedLeaker(Leaker leaker, @Qualifier("isolated") TwinMaster twin) {
        this.current = leaker;
        this.twin = twin;
        this.madeInStart = twin.starts();
    }

    <R> R call(Function<Leaker, R> call) {
        return call.apply(current());
    }

    private synchronized Leaker current() {
        if (twin.starts() != madeInStart) {
            current = twin.create(Leaker.class);
            madeInStart = twin.starts();
        }
        return current;
    }
}
