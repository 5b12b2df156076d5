package io.cpy2j.hostile;

/** A plain class outside the trusted packages, which a master may still create in a restricted twin. */
public class Tally {

    private int total;

    public int add(int amount) {
        total += amount;
        return total;
    }
}
