package io.cpy2j.internal.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Copies chosen headers of a served call into the SLF4J MDC while it runs, so the lines logged meanwhile
 * carry them (a trace id). Which headers: the system property {@code cpy2j.mdc}, a comma-separated list
 * of names, which a master gives its twin through {@code TwinMasterBuilder.mdcHeaders}. {@code traceId} and
 * {@code spanId} are also read out of a W3C {@code traceparent} or a B3 header.
 */
final class MdcHeaders {

    private static final List<String> NAMES = names(System.getProperty("cpy2j.mdc", ""));

    private MdcHeaders() {
    }

    /** How to put the MDC back as it was. */
    interface Restore {
        Restore NOTHING = () -> { };

        void restore();
    }

    static Restore put(Map<String, String> headers) {
        if (NAMES.isEmpty() || headers.isEmpty()) {
            return Restore.NOTHING;
        }
        List<String[]> previous = new ArrayList<>();
        for (String name : NAMES) {
            String value = valueOf(headers, name);
            if (value != null) {
                previous.add(new String[] {name, MDC.get(name)});
                MDC.put(name, value);
            }
        }
        return () -> previous.forEach(p -> {
            if (p[1] == null) {
                MDC.remove(p[0]);
            } else {
                MDC.put(p[0], p[1]);
            }
        });
    }

    /**
     * The header's value; for {@code traceId} and {@code spanId} when no such header came, the part of a
     * W3C {@code traceparent} ({@code 00-<traceId>-<spanId>-01}) or a B3 single header
     * ({@code <traceId>-<spanId>-…}) that names them, as Micrometer Tracing writes them into a call.
     */
    static String valueOf(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value != null || !(name.equals("traceId") || name.equals("spanId"))) {
            return value;
        }
        int part = name.equals("traceId") ? 0 : 1;
        String traceparent = headers.get("traceparent");
        if (traceparent != null) {
            String[] parts = traceparent.split("-");
            return parts.length >= 3 ? parts[1 + part] : null;
        }
        String b3 = headers.get("b3");
        if (b3 != null) {
            String[] parts = b3.split("-");
            return parts.length >= 2 ? parts[part] : null;
        }
        return null;
    }

    private static List<String> names(String property) {
        List<String> names = new ArrayList<>();
        for (String name : property.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return List.copyOf(names);
    }
}
