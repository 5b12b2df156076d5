package io.cpy2j.boot.it.injection;

import java.util.List;

/** A master-side service twins call back into. */
public interface Audit {

    void record(String entry);

    List<String> entries();
}
