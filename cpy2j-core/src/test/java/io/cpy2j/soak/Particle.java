package io.cpy2j.soak;

import io.cpy2j.Twin;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak's throw-away twin object. Pinned to the soak's twin so that instances made inside it, not only
 * those made with {@code create}, cross by reference: a batch of them comes to the master as proxies.
 */
@Twin(SoakTest.TWIN_ID)
public class Particle {

    private final int charge;

    public Particle() {
        this(0);
    }

    public Particle(int charge) {
        this.charge = charge;
    }

    public int charge() {
        return charge;
    }

    /** Runs in the twin: {@code count} new particles, each a proxy when they reach the master. */
    public static List<Particle> make(int count, int firstCharge) {
        List<Particle> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            made.add(new Particle(firstCharge + i));
        }
        return made;
    }
}
