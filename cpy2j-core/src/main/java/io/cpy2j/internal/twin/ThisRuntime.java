package io.cpy2j.internal.twin;

import io.cpy2j.internal.call.Endpoint;
import io.cpy2j.internal.protocol.Protocol;

/** Who this runtime is: the master, or a twin with its id and its connection to the master. */
public final class ThisRuntime {

    public static final String MASTER_ID = Protocol.MASTER_ID;

    private static volatile String twinId = MASTER_ID;
    private static volatile Endpoint master;

    private ThisRuntime() {
    }

    public static String twinId() {
        return twinId;
    }

    public static boolean isMaster() {
        return master == null;
    }

    /** The connection to the master; only in a twin. */
    public static Endpoint master() {
        return master;
    }

    static void becomeTwin(String id, Endpoint toMaster) {
        twinId = id;
        master = toMaster;
    }
}
