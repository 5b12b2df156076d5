package io.cpy2j.internal.call;

import io.cpy2j.TwinCall;
import io.cpy2j.TwinCallObserver.Scope;
import io.cpy2j.TwinException;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.TwinTimeoutException;
import io.cpy2j.internal.codec.Codec;
import io.cpy2j.internal.kernel.Deadline;
import io.cpy2j.internal.kernel.Kernel;
import io.cpy2j.internal.kernel.Reply;
import io.cpy2j.internal.object.MethodKeys;
import io.cpy2j.internal.object.Sneaky;
import io.cpy2j.internal.object.Trust;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The calling half of an {@link Endpoint}: encodes a call (operation, kind, headers, then its
 * arguments), lets the observers see it, sends it through the {@link Kernel}, and decodes the result
 * or rethrows the remote exception with both sides' frames.
 */
final class Caller {

    private final Endpoint endpoint;
    private final Codec codec;
    private final CallObservers observers;
    private volatile Duration callTimeout = Duration.ZERO;
    private volatile Consumer<TwinTimeoutException> onTimeout = timeout -> { };

    Caller(Endpoint endpoint, Codec codec, CallObservers observers) {
        this.endpoint = endpoint;
        this.codec = codec;
        this.observers = observers;
    }

    void callTimeout(Duration timeout) {
        this.callTimeout = timeout;
    }

    void onTimeout(Consumer<TwinTimeoutException> listener) {
        this.onTimeout = listener;
    }

    Object execute(Object function, Object[] args) {
        Supplier<String> name = () -> Lambdas.describe(function);
        return call(Endpoint.OP_EXECUTE, TwinCall.Kind.EXECUTE, () -> describe(TwinCall.Kind.EXECUTE, function, false),
                out -> writeFunction(out, function, args, name), () -> "execute " + name.get(), args);
    }

    /** Runs {@code factory(className, args)} on the other side: the creation of an object there. */
    Object create(Object factory, String className, Object[] args) {
        Object[] factoryArgs = {className, args};
        Supplier<String> name = () -> "new " + className;
        return call(Endpoint.OP_EXECUTE, TwinCall.Kind.CREATE, () -> call(TwinCall.Kind.CREATE, className, "<init>", false),
                out -> writeFunction(out, factory, factoryArgs, name), () -> "create " + className, factoryArgs);
    }

    CompletableFuture<Object> submit(Object function, Object[] args) {
        Supplier<String> name = () -> Lambdas.describe(function);
        Supplier<String> what = () -> "execute " + name.get();
        Map<String, String> headers = CallHeaders.inherited();
        Scope scope = Scope.NONE;
        if (!observers.isEmpty()) {
            headers = new HashMap<>(headers);
            scope = observers.outgoing(() -> describe(TwinCall.Kind.EXECUTE, function, true), headers);
        }
        Buffer buffer;
        try {
            buffer = encodeRequest(Endpoint.OP_EXECUTE, TwinCall.Kind.EXECUTE, headers,
                    out -> writeFunction(out, function, args, name), what, args);
        } catch (TwinException e) {
            scope.ended(e, 0, 0);
            return CompletableFuture.failedFuture(e); // nothing was sent; asynchronous calls fail in their future
        }
        Codec.Receipt receipt = codec.takeReceipt();
        if (CallLog.isDebug()) {
            CallLog.debug(endpoint.localId(), endpoint.remoteId(), "submit " + what.get() + describeArgs(args));
        }
        int sent = buffer.size();
        Scope ending = scope;
        CompletableFuture<Object> future = kernel().submit(buffer.array(), sent, reply -> {
            Reference.reachabilityFence(args); // see call(): held until the reply
            if (reply.ok()) {
                receipt.delivered();
            }
            return result(reply, what);
        }, deadlineFor(what));
        if (receipt != Codec.Receipt.NONE || ending != Scope.NONE) { // the common case adds no stage
            future.whenComplete((result, error) -> {
                if (error != null) {
                    failedInKernel(receipt);
                }
                ending.ended(error, sent, 0);
            });
        }
        return future;
    }

    Object invoke(long id, Method method, Object[] args) {
        Supplier<String> name = () -> method.getDeclaringClass().getSimpleName() + "." + method.getName();
        // A method call made while serving the same peer's call is a callback into it.
        TwinCall.Kind kind = kernel().isServingOnThisThread() ? TwinCall.Kind.CALLBACK : TwinCall.Kind.METHOD;
        return call(Endpoint.OP_INVOKE, kind, () -> call(kind, method.getDeclaringClass().getName(), method.getName(), false),
                out -> {
                    out.writeLong(id);
                    out.writeUTF(MethodKeys.keyOf(method));
                    writeArgs(out, args, name);
                }, () -> "invoke " + name.get() + " on #" + id, args);
    }

    void release(long[] ids, long[] counts) {
        call(Endpoint.OP_RELEASE, TwinCall.Kind.RELEASE, () -> call(TwinCall.Kind.RELEASE, null, null, false), out -> {
            out.writeInt(ids.length);
            for (int i = 0; i < ids.length; i++) {
                out.writeLong(ids[i]);
                out.writeLong(counts[i]);
            }
        }, () -> "release " + ids.length + " objects", new Object[0]);
    }

    private Object call(byte op, TwinCall.Kind kind, Supplier<TwinCall> description, BodyWriter body,
                        Supplier<String> what, Object[] args) {
        Map<String, String> headers = CallHeaders.inherited();
        Scope scope = Scope.NONE;
        if (!observers.isEmpty()) {
            headers = new HashMap<>(headers);
            scope = observers.outgoing(description, headers);
        }
        long sent = 0;
        long received = 0;
        Throwable failure = null;
        try {
            Buffer buffer = encodeRequest(op, kind, headers, body, what, args);
            sent = buffer.size();
            Reply reply = send(buffer, what, args);
            received = reply.length();
            return result(reply, what);
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            scope.ended(failure, sent, received);
        }
    }

    private Reply send(Buffer buffer, Supplier<String> what, Object[] args) {
        Codec.Receipt receipt = codec.takeReceipt();
        long started = CallLog.isDebug() ? System.nanoTime() : 0;
        if (started != 0) {
            CallLog.debug(endpoint.localId(), endpoint.remoteId(), "call " + what.get() + describeArgs(args));
        }
        Reply reply;
        try {
            reply = kernel().call(buffer.array(), buffer.size(), deadlineFor(what));
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
            CallLog.debug(endpoint.localId(), endpoint.remoteId(), (reply.ok() ? "returned " : "threw ") + what.get()
                    + String.format(" in %.3f ms", (System.nanoTime() - started) / 1e6));
        }
        return reply;
    }

    private void writeFunction(DataOutputStream out, Object function, Object[] args, Supplier<String> name)
            throws IOException {
        codec.writeValue(out, function, () -> "the function " + name.get());
        writeArgs(out, args, name);
    }

    private void writeArgs(DataOutputStream out, Object[] args, Supplier<String> name) throws IOException {
        out.writeInt(args.length);
        for (int i = 0; i < args.length; i++) {
            int position = i + 1;
            codec.writeValue(out, args[i], () -> "argument " + position + " of " + name.get());
        }
    }

    interface BodyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * Encodes a request that fits in a frame. If it cannot be encoded, or is too large, nothing was sent:
     * what encoding exported is given back before the exception is thrown.
     */
    private Buffer encodeRequest(byte op, TwinCall.Kind kind, Map<String, String> headers, BodyWriter body,
                                 Supplier<String> what, Object[] args) {
        try {
            Buffer buffer = Buffer.sizedFor(args);
            DataOutputStream out = new DataOutputStream(buffer);
            out.writeByte(op);
            out.writeByte(kind.ordinal());
            CallHeaders.write(out, headers);
            body.write(out);
            int limit = kernel().maxBodySize();
            if (buffer.size() > limit) {
                throw new TwinSerializationException("Cannot send " + what.get() + ": its request is " + buffer.size()
                        + " bytes, over the frame limit of " + limit + " bytes (TwinMasterBuilder.maxFrameSize)");
            }
            return buffer;
        } catch (IOException e) {
            codec.takeReceipt().notSent();
            throw new UncheckedIOException(e); // writing to memory
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
        if (kernel().closedWith() != null) {
            receipt.notSent();
        }
    }

    private Deadline deadlineFor(Supplier<String> what) {
        Duration timeout = callTimeout;
        return timeout.isZero() ? Deadline.NONE
                : Deadline.after(timeout, () -> timedOut(new TwinTimeoutException(endpoint.remoteId(), what.get(), timeout)));
    }

    /** Made only when a call's time is up, so telling the listener costs the calls that answer in time nothing. */
    private TwinTimeoutException timedOut(TwinTimeoutException timeout) {
        onTimeout.accept(timeout);
        return timeout;
    }

    /** What cannot be read from a restricted peer is no mistake to report but a breach (reported once). */
    private TwinException unreadable(TwinException error) {
        Trust trust = endpoint.objects().trust();
        if (trust.isRestricted() && !trust.isBreached()) {
            trust.breach(error.getMessage());
        }
        return error;
    }

    private Object result(Reply reply, Supplier<String> what) {
        DataInputStream in = reply.body();
        if (reply.ok()) {
            try {
                return codec.readValue(in);
            } catch (IOException | RuntimeException e) {
                throw unreadable(new TwinSerializationException("cannot read the result of " + what.get() + " from '"
                        + endpoint.remoteId() + "': " + e.getMessage(), e));
            }
        }
        Throwable error;
        try {
            error = codec.readThrowable(in);
        } catch (IOException | RuntimeException e) {
            throw unreadable(new TwinException("'" + endpoint.remoteId() + "' threw an exception that cannot be read: "
                    + e, e));
        }
        throw Sneaky.raise(withCallerFrames(error));
    }

    /** Remote frames first, then a marker naming the twin, then this thread's frames: both sides in one trace. */
    private Throwable withCallerFrames(Throwable error) {
        StackTraceElement[] remote = error.getStackTrace();
        StackTraceElement[] local = new Throwable().getStackTrace();
        StackTraceElement[] both = Arrays.copyOf(remote, remote.length + 1 + local.length);
        both[remote.length] = new StackTraceElement("cpy2j", "call", "twin " + endpoint.remoteId() + " -> "
                + endpoint.localId(), -1);
        System.arraycopy(local, 0, both, remote.length + 1, local.length);
        error.setStackTrace(both);
        return error;
    }

    private TwinCall describe(TwinCall.Kind kind, Object function, boolean async) {
        FunctionNames names = FunctionNames.of(function);
        return call(kind, names.targetClass(), names.method(), async);
    }

    private TwinCall call(TwinCall.Kind kind, String targetClass, String method, boolean async) {
        return new TwinCall(endpoint.localId(), endpoint.remoteId(), kind, targetClass, method, async);
    }

    private Kernel kernel() {
        return endpoint.kernel();
    }

    static String describeArgs(Object[] args) {
        if (!CallLog.isTrace()) {
            return " (" + args.length + " arguments)";
        }
        return " " + Arrays.deepToString(args);
    }
}
