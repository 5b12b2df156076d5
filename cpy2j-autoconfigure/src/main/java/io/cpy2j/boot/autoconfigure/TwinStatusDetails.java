package io.cpy2j.boot.autoconfigure;

import io.cpy2j.TwinFailure;
import io.cpy2j.TwinMaster;
import io.cpy2j.TwinStatus;
import io.cpy2j.TwinTrust;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A twin's status as plain JSON-ready values, the same in the health component and the twins endpoint:
 * state, pid, Java version, vendor and home, uptime, starts, restarts, calls in flight, live objects on
 * both sides and the last failure; from a master, also the trust it gives its twin (an operator checks
 * there that a twin handling untrusted input really is restricted).
 */
public final class TwinStatusDetails {

    private TwinStatusDetails() {
    }

    /** The master's twin: its status and its trust ({@code FULL} or {@code RESTRICTED}). */
    public static Map<String, Object> of(TwinMaster master) {
        return of(master.status(), master.trust());
    }

    public static Map<String, Object> of(TwinStatus status, TwinTrust trust) {
        Map<String, Object> details = of(status);
        details.put("trust", trust.name());
        return details;
    }

    public static Map<String, Object> of(TwinStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name());
        if (status.pid() != null) {
            details.put("pid", status.pid());
        }
        details.put("javaVersion", status.javaVersion());
        details.put("javaVendor", status.javaVendor());
        details.put("javaHome", String.valueOf(status.javaHome()));
        details.put("uptime", status.uptime().toString());
        details.put("starts", status.starts());
        details.put("restarts", status.restarts());
        details.put("callsInFlight", status.callsInFlight());
        details.put("proxies", status.proxies());
        details.put("exported", status.exported());
        if (status.lastFailure() != null) {
            details.put("lastFailure", failure(status.lastFailure()));
        }
        return details;
    }

    private static Map<String, Object> failure(TwinFailure failure) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("time", failure.time().toString());
        details.put("message", failure.message());
        if (failure.exitStatus() != null) {
            details.put("exitStatus", failure.exitStatus());
        }
        return details;
    }
}
