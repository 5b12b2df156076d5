package io.cpy2j.hostile;

/** A record a hostile twin sends: records are rebuilt by their class name, through their constructor. */
public record GadgetRecord(String command) {

    static {
        GadgetLog.LOADED.set(true);
    }
}
