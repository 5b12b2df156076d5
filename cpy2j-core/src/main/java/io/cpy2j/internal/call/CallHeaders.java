package io.cpy2j.internal.call;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The headers of the calls this thread serves: a call's headers are visible while it is served, and
 * every call this thread makes meanwhile (a callback, a nested call to any runtime) inherits them.
 * On the wire: a count, then key and value pairs.
 */
final class CallHeaders {

    private static final ThreadLocal<Map<String, String>> SERVING = new ThreadLocal<>();

    private CallHeaders() {
    }

    /** What a call made now inherits: the headers of the innermost call this thread serves; never null. */
    static Map<String, String> inherited() {
        Map<String, String> headers = SERVING.get();
        return headers == null ? Map.of() : headers;
    }

    /** Makes {@code headers} this thread's while it serves a call; returns what to restore afterwards. */
    static Map<String, String> enter(Map<String, String> headers) {
        Map<String, String> outer = SERVING.get();
        SERVING.set(headers.isEmpty() ? null : headers);
        return outer;
    }

    static void leave(Map<String, String> outer) {
        SERVING.set(outer);
    }

    static void write(DataOutput out, Map<String, String> headers) throws IOException {
        out.writeShort(headers.size());
        for (Map.Entry<String, String> header : headers.entrySet()) {
            out.writeUTF(header.getKey());
            out.writeUTF(header.getValue());
        }
    }

    static Map<String, String> read(DataInput in) throws IOException {
        int count = in.readUnsignedShort();
        if (count == 0) {
            return Map.of();
        }
        Map<String, String> headers = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            headers.put(in.readUTF(), in.readUTF());
        }
        return Map.copyOf(headers);
    }
}
