package io.cpy2j.hostile;

/** What a master exports to a hostile twin: the one thing that twin may call. */
public interface Inbox {

    void accept(Object value);

    /** Takes a while in the master: many at once make a flood. */
    String slow();
}
