package io.cpy2j.boot.it.injection;

import io.cpy2j.boot.TwinComponent;

/** Lives in the lazy twin "later", which starts only when this bean is first needed. */
@TwinComponent("later")
public class LaterService {

    public String where() {
        return io.cpy2j.Twins.currentTwinId();
    }
}
