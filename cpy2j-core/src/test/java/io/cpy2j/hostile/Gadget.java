package io.cpy2j.hostile;

/** A class a hostile twin names in a value: loading it in the master would run its static initializer. */
public class Gadget {

    static {
        GadgetLog.LOADED.set(true);
    }

    private String command = "rm -rf /";

    public String command() {
        return command;
    }
}
