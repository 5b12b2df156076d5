package io.cpy2j.boot.it.injection;

public interface Counter {

    int add(int n);

    /** Which runtime and process the counter lives in: "local/4242". */
    String runtime();

    /** Whether the constructor got the same master object through its interface and its class. */
    boolean sameAuditBothWays();
}
