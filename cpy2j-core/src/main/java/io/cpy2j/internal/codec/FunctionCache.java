package io.cpy2j.internal.codec;

import io.cpy2j.internal.object.Trust;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Non-capturing lambdas and method references, sent in full once per connection and by a number
 * afterwards: a function used in a loop is neither described nor rebuilt again on each call.
 *
 * <p>The sender keeps sending the definition until a call that carried it has succeeded: only then is
 * the receiver known to have it, whatever order concurrent frames arrive in.
 */
final class FunctionCache {

    /**
     * How many functions a restricted peer may define: ids are the peer's to choose, and each kept
     * definition is memory held for the connection's life. A peer's ids count its distinct lambdas.
     */
    static final int MAX_RESTRICTED = 1024;

    private final Trust trust;
    private final AtomicInteger lastId = new AtomicInteger();
    private final Map<Class<?>, Sent> sent = new ConcurrentHashMap<>();
    private final Map<Integer, Object> received = new ConcurrentHashMap<>();
    private final ThreadLocal<List<Sent>> unconfirmed = ThreadLocal.withInitial(ArrayList::new);

    FunctionCache(Trust trust) {
        this.trust = trust;
    }

    private static final class Sent {
        final int id;
        final byte[] bytes;
        volatile boolean confirmed;

        Sent(int id, byte[] bytes) {
            this.id = id;
            this.bytes = bytes;
        }
    }

    /** Writes a stateless lambda: its number, plus its serialized form until the peer is known to have it. */
    void write(DataOutput out, Object lambda, java.util.function.Supplier<byte[]> serialized) throws IOException {
        Sent entry = sent.computeIfAbsent(lambda.getClass(), type -> new Sent(lastId.incrementAndGet(),
                serialized.get()));
        out.writeInt(entry.id);
        if (entry.confirmed) {
            out.writeInt(0);
        } else {
            out.writeInt(entry.bytes.length);
            out.write(entry.bytes);
            unconfirmed.get().add(entry);
        }
    }

    interface Deserializer {
        Object read(byte[] bytes) throws IOException;
    }

    Object read(DataInput in, Deserializer deserializer) throws IOException {
        int id = in.readInt();
        int length = StandardCodec.checkedCount(in, in.readInt());
        if (length == 0) {
            Object known = received.get(id);
            if (known == null) {
                throw new IOException("function #" + id + " was never defined on this connection");
            }
            return known;
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        Object known = received.get(id);
        if (known != null) {
            return known;
        }
        Object function = deserializer.read(bytes);
        if (trust.isRestricted() && received.size() >= MAX_RESTRICTED) {
            throw trust.breach("it defined more than " + MAX_RESTRICTED + " functions");
        }
        received.put(id, function);
        return function;
    }

    /** Definitions this thread wrote since the last call; the caller confirms them once the call succeeded. */
    List<Sent> takeUnconfirmed() {
        List<Sent> list = unconfirmed.get();
        if (list.isEmpty()) {
            return List.of();
        }
        List<Sent> taken = List.copyOf(list);
        list.clear();
        return taken;
    }

    static void confirm(List<?> definitions) {
        for (Object definition : definitions) {
            ((Sent) definition).confirmed = true;
        }
    }
}
