package io.cpy2j.internal.codec;

import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.Peer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;

/**
 * Two runtimes in one JVM, without a kernel or a process: each side has its own {@link ObjectSpace}
 * and {@link StandardCodec}, and each is the other's {@link Peer}. A value sent from one side is written
 * by its codec and read by the other's, so references become proxies and come home as originals exactly
 * as over a real connection; a call on a proxy runs on the other side's object with its arguments and
 * result sent the same way.
 */
final class InProcessPeers {

    final Side a = new Side("a");
    final Side b = new Side("b");

    InProcessPeers() {
        a.other = b;
        b.other = a;
    }

    static final class Side implements Peer {
        private final String id;
        private Side other;
        final ObjectSpace space;
        final StandardCodec codec;

        Side(String id) {
            this.id = id;
            this.space = new ObjectSpace(this);
            this.codec = new StandardCodec(space);
        }

        /** Writes {@code value} here and reads it on the other side, as a delivered message. */
        Object send(Object value) {
            byte[] bytes = write(value);
            codec.takeReceipt().delivered();
            return other.read(bytes);
        }

        /** Writes {@code value} as one message; its receipt is left for the caller to take. */
        byte[] write(Object value) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                codec.writeValue(new DataOutputStream(bytes), value, () -> "the value");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }

        Object read(byte[] bytes) {
            try {
                return codec.readValue(new DataInputStream(new ByteArrayInputStream(bytes)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Side other() {
            return other;
        }

        @Override
        public String remoteId() {
            return other.id;
        }

        @Override
        public Object invoke(long objectId, Method method, Object[] args) {
            Object target = other.space.exported(objectId);
            Object[] there = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                there[i] = send(args[i]);
            }
            try {
                return other.send(method.invoke(target, there));
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CompletableFuture<Object> submit(Object function, Object... args) {
            throw new UnsupportedOperationException("not needed in process");
        }

        @Override
        public void release(long[] ids, long[] counts) {
            for (int i = 0; i < ids.length; i++) {
                other.space.released(ids[i], counts[i]);
            }
        }

        @Override
        public RuntimeException closedWith() {
            return null;
        }
    }
}
