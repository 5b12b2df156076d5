package io.cpy2j.internal.call;

import io.cpy2j.TwinException;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.TwinTimeoutException;
import io.cpy2j.internal.codec.Codec;
import io.cpy2j.internal.kernel.Deadline;
import io.cpy2j.internal.kernel.Kernel;
import io.cpy2j.internal.object.Sneaky;
import io.cpy2j.internal.kernel.Reply;
import io.cpy2j.internal.kernel.RequestHandler;
import io.cpy2j.internal.object.MethodKeys;
import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.Peer;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One side of a connection between two runtimes, in terms of calls: it encodes a call with the
 * {@link Codec}, sends it through the {@link Kernel}, and decodes the result or rethrows the remote
 * exception; and it serves the calls the peer sends. Both the master and the twin use it.
 *
 * <p>Operations: EXECUTE a function, INVOKE a method on an exported object, RELEASE proxies.
 */
public final class Endpoint implements RequestHandler, Peer {

    static final byte OP_EXECUTE = 1;
    static final byte OP_INVOKE = 2;
    static final byte OP_RELEASE = 3;

    private final String localId;
    private final String remoteId;
    private final ObjectSpace objects;
    private final Codec codec;
    private volatile Kernel kernel;
    private volatile Duration callTimeout = Duration.ZERO;

    public Endpoint(String localId, String remoteId, Function<ObjectSpace, Codec> codecFactory) {
        this.localId = localId;
        this.remoteId = remoteId;
        this.objects = new ObjectSpace(this);
        this.codec = codecFactory.apply(objects);
    }

    public void connect(Kernel kernel) {
        this.kernel = kernel;
    }

    /** How long an outgoing call waits for its reply before it fails with {@link TwinTimeoutException}; zero: no limit. */
    public void callTimeout(Duration timeout) {
        this.callTimeout = timeout;
    }

    private Deadline deadlineFor(Supplier<String> what) {
        Duration timeout = callTimeout;
        return timeout.isZero() ? Deadline.NONE
                : Deadline.after(timeout, () -> new TwinTimeoutException(remoteId, what.get(), timeout));
    }

    public Kernel kernel() {
        return kernel;
    }

    public ObjectSpace objects() {
        return objects;
    }

    /** Runs {@code function} with {@code args} on the other side and returns its result there. */
    public Object execute(Object function, Object... args) {
        Supplier<String> name = () -> Lambdas.describe(function);
        return call(out -> {
            out.writeByte(OP_EXECUTE);
            codec.writeValue(out, function, () -> "the function " + name.get());
            writeArgs(out, args, name);
        }, () -> "execute " + name.get(), args);
    }

    /** Like {@link #execute} without waiting: the future completes with the result or the remote exception. */
    @Override
    public CompletableFuture<Object> submit(Object function, Object... args) {
        Supplier<String> name = () -> Lambdas.describe(function);
        Buffer buffer;
        try {
            buffer = encodeRequest(out -> {
                out.writeByte(OP_EXECUTE);
                codec.writeValue(out, function, () -> "the function " + name.get());
                writeArgs(out, args, name);
            }, () -> "execute " + name.get(), args);
        } catch (TwinException e) {
            return CompletableFuture.failedFuture(e); // nothing was sent; asynchronous calls fail in their future
        }
        Codec.Receipt receipt = codec.takeReceipt();
        if (CallLog.isDebug()) {
            CallLog.debug(localId, remoteId, "submit execute " + name.get() + describeArgs(args));
        }
        CompletableFuture<Object> future = kernel.submit(buffer.array(), buffer.size(), reply -> {
            Reference.reachabilityFence(args); // see call(): held until the reply
            if (reply.ok()) {
                receipt.delivered();
            }
            return result(reply, () -> "execute " + name.get());
        }, deadlineFor(() -> "execute " + name.get()));
        if (receipt != Codec.Receipt.NONE) { // the common case adds no stage to the future
            future.whenComplete((result, error) -> {
                if (error != null) {
                    failedInKernel(receipt);
                }
            });
        }
        return future;
    }

    /** Calls a method of the peer's native object {@code id}. */
    @Override
    public Object invoke(long id, Method method, Object[] args) {
        Supplier<String> name = () -> method.getDeclaringClass().getSimpleName() + "." + method.getName();
        return call(out -> {
            out.writeByte(OP_INVOKE);
            out.writeLong(id);
            out.writeUTF(MethodKeys.keyOf(method));
            writeArgs(out, args, name);
        }, () -> "invoke " + name.get() + " on #" + id, args);
    }

    @Override
    public void release(long[] ids, long[] counts) {
        call(out -> {
            out.writeByte(OP_RELEASE);
            out.writeInt(ids.length);
            for (int i = 0; i < ids.length; i++) {
                out.writeLong(ids[i]);
                out.writeLong(counts[i]);
            }
        }, () -> "release " + ids.length + " objects", new Object[0]);
    }

    private void writeArgs(DataOutputStream out, Object[] args, Supplier<String> name) throws IOException {
        out.writeInt(args.length);
        for (int i = 0; i < args.length; i++) {
            int position = i + 1;
            codec.writeValue(out, args[i], () -> "argument " + position + " of " + name.get());
        }
    }

    private interface BodyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Encodes a request that fits in a frame. If it cannot be encoded, or is too large, nothing was sent:
     * what encoding exported is given back before the exception is thrown.
     */
    private Buffer encodeRequest(BodyWriter body, Supplier<String> what, Object[] args) {
        try {
            Buffer buffer = encode(body, args);
            if (buffer.size() > kernel.maxBodySize()) {
                throw new TwinSerializationException("Cannot send " + what.get() + ": its request is " + buffer.size()
                        + " bytes, over the frame limit of " + kernel.maxBodySize()
                        + " bytes (TwinMasterBuilder.maxFrameSize)");
            }
            return buffer;
        } catch (RuntimeException | Error e) {
            codec.takeReceipt().notSent();
            throw e;
        }
    }

    /**
     * A request whose call failed in the kernel: whether the peer got it is unknown while the connection is
     * open (a reply that never came), so its exports stay; once the connection is gone, nothing the peer
     * held survives, and a request that never left must not pin its objects.
     */
    private void failedInKernel(Codec.Receipt receipt) {
        if (kernel.closedWith() != null) {
            receipt.notSent();
        }
    }

    private static Buffer encode(BodyWriter body, Object[] args) {
        Buffer buffer = Buffer.sizedFor(args);
        try {
            body.write(new DataOutputStream(buffer));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return buffer;
    }

    private Object call(BodyWriter body, Supplier<String> what, Object[] args) {
        Buffer buffer = encodeRequest(body, what, args);
        Codec.Receipt receipt = codec.takeReceipt();
        long started = CallLog.isDebug() ? System.nanoTime() : 0;
        if (started != 0) {
            CallLog.debug(localId, remoteId, "call " + what.get() + describeArgs(args));
        }
        Reply reply;
        try {
            reply = kernel.call(buffer.array(), buffer.size(), deadlineFor(what));
        } catch (RuntimeException | Error e) {
            failedInKernel(receipt);
            throw e;
        }
        // Proxies among the arguments stay reachable until the peer has read them: collected earlier,
        // their release could overtake the call and drop the very objects it refers to.
        Reference.reachabilityFence(args);
        if (reply.ok()) {
            receipt.delivered();
        }
        if (started != 0) {
            CallLog.debug(localId, remoteId, (reply.ok() ? "returned " : "threw ") + what.get()
                    + String.format(" in %.3f ms", (System.nanoTime() - started) / 1e6));
        }
        return result(reply, what);
    }

    private Object result(Reply reply, Supplier<String> what) {
        DataInputStream in = reply.body();
        if (reply.ok()) {
            try {
                return codec.readValue(in);
            } catch (IOException | RuntimeException e) {
                throw new TwinSerializationException("cannot read the result of " + what.get() + " from '" + remoteId
                        + "': " + e.getMessage(), e);
            }
        }
        Throwable error;
        try {
            error = codec.readThrowable(in);
        } catch (IOException e) {
            throw new TwinException("'" + remoteId + "' threw an exception that cannot be read: " + e, e);
        }
        throw Sneaky.raise(withCallerFrames(error));
    }

    /** Remote frames first, then a marker naming the twin, then this thread's frames: both sides in one trace. */
    private Throwable withCallerFrames(Throwable error) {
        StackTraceElement[] remote = error.getStackTrace();
        StackTraceElement[] local = new Throwable().getStackTrace();
        StackTraceElement[] both = Arrays.copyOf(remote, remote.length + 1 + local.length);
        both[remote.length] = new StackTraceElement("cpy2j", "call", "twin " + remoteId + " -> " + localId, -1);
        System.arraycopy(local, 0, both, remote.length + 1, local.length);
        error.setStackTrace(both);
        return error;
    }

    @Override
    public Reply handle(long requestId, DataInputStream body) {
        try {
            return serve(requestId, body);
        } finally {
            // The reply is sent: its exports stay. Functions written into it are not known to have arrived,
            // so they stay unconfirmed and are sent in full again: the receipt is left unsettled.
            codec.takeReceipt();
        }
    }

    private Reply serve(long requestId, DataInputStream body) {
        try {
            byte op = body.readByte();
            return switch (op) {
                case OP_EXECUTE -> serveExecute(requestId, body);
                case OP_INVOKE -> serveInvoke(requestId, body);
                case OP_RELEASE -> serveRelease(body);
                default -> throw new TwinException("unknown operation " + op + " from '" + remoteId
                        + "': master and twin run different cpy2j versions");
            };
        } catch (Throwable error) {
            return errorReply(error);
        }
    }

    private Reply serveExecute(long requestId, DataInputStream body) throws Exception {
        Object function = readIncoming(body, () -> "a function");
        Object[] args = readArgs(body);
        if (CallLog.isDebug()) {
            CallLog.debug(remoteId, localId, "serve #" + requestId + " execute " + Lambdas.describe(function)
                    + " in " + localId);
        }
        Object result = Invocations.invoke(function, args);
        return resultReply(result, () -> "the result of " + Lambdas.describe(function));
    }

    private Reply serveInvoke(long requestId, DataInputStream body) throws Throwable {
        Object target = objects.exported(body.readLong());
        Method method = MethodKeys.methodOf(body.readUTF());
        Object[] args = readArgs(body);
        if (CallLog.isDebug()) {
            CallLog.debug(remoteId, localId, "serve #" + requestId + " invoke " + method.getDeclaringClass()
                    .getSimpleName() + "." + method.getName() + " in " + localId);
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        return resultReply(result, () -> "the result of " + method.getDeclaringClass().getSimpleName() + "."
                + method.getName());
    }

    private Reply serveRelease(DataInputStream body) throws IOException {
        for (int i = body.readInt(); i > 0; i--) {
            objects.released(body.readLong(), body.readLong());
        }
        return resultReply(null, () -> "release");
    }

    private Object[] readArgs(DataInputStream body) throws IOException {
        Object[] args = new Object[body.readInt()];
        for (int i = 0; i < args.length; i++) {
            int position = i + 1;
            args[i] = readIncoming(body, () -> "argument " + position);
        }
        return args;
    }

    private Object readIncoming(DataInputStream body, Supplier<String> what) {
        try {
            return codec.readValue(body);
        } catch (IOException | RuntimeException e) {
            throw new TwinSerializationException("'" + localId + "' cannot read " + what.get() + " sent by '"
                    + remoteId + "': " + e.getMessage(), e);
        }
    }

    private Reply resultReply(Object result, Supplier<String> what) throws IOException {
        Buffer buffer = Buffer.sizedFor(result);
        try {
            codec.writeValue(new DataOutputStream(buffer), result, what);
            if (buffer.size() > kernel.maxBodySize()) {
                throw new TwinSerializationException(what.get() + " is " + buffer.size()
                        + " bytes, over the frame limit of " + kernel.maxBodySize()
                        + " bytes (TwinMasterBuilder.maxFrameSize)");
            }
        } catch (IOException | RuntimeException | Error e) {
            codec.takeReceipt().notSent(); // an error is sent instead: the peer never gets these references
            throw e;
        }
        return new Reply(true, buffer.array(), 0, buffer.size());
    }

    @Override
    public Reply failure(Throwable error) {
        return errorReply(error);
    }

    /** The exception, cut down by the codec if it would not fit in a frame. */
    private Reply errorReply(Throwable error) {
        Buffer buffer = new Buffer();
        try {
            codec.writeThrowable(new DataOutputStream(buffer), error, kernel.maxBodySize());
        } catch (IOException | RuntimeException e) {
            // an exception that cannot even be written (a failing getMessage): say so instead
            return errorReply(new TwinException("'" + localId + "' failed with " + error.getClass().getName()
                    + ", which cannot be sent back: " + e));
        }
        return new Reply(false, buffer.array(), 0, buffer.size());
    }

    private static String describeArgs(Object[] args) {
        if (!CallLog.isTrace()) {
            return " (" + args.length + " arguments)";
        }
        return " " + Arrays.deepToString(args);
    }

    @Override
    public RuntimeException closedWith() {
        Kernel current = kernel;
        return current == null ? null : current.closedWith();
    }

    public String localId() {
        return localId;
    }

    @Override
    public String remoteId() {
        return remoteId;
    }
}
