package io.cpy2j.internal.call;

import io.cpy2j.TwinException;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.codec.Codec;
import io.cpy2j.internal.kernel.Kernel;
import io.cpy2j.internal.kernel.Reply;
import io.cpy2j.internal.kernel.RequestHandler;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * One side of a connection between two runtimes, in terms of calls: it encodes a call with the
 * {@link Codec}, sends it through the {@link Kernel}, and decodes the result or rethrows the remote
 * exception; and it serves the calls the peer sends. Both the master and the twin use it.
 */
public final class Endpoint implements RequestHandler {

    static final byte OP_EXECUTE = 1;

    private final String localId;
    private final String remoteId;
    private final Codec codec;
    private volatile Kernel kernel;

    public Endpoint(String localId, String remoteId, Codec codec) {
        this.localId = localId;
        this.remoteId = remoteId;
        this.codec = codec;
    }

    public void connect(Kernel kernel) {
        this.kernel = kernel;
    }

    public Kernel kernel() {
        return kernel;
    }

    /** Runs {@code function} with {@code args} on the other side and returns its result there. */
    public Object execute(Object function, Object... args) {
        Buffer buffer = new Buffer();
        DataOutputStream out = new DataOutputStream(buffer);
        try {
            out.writeByte(OP_EXECUTE);
            codec.writeValue(out, function, () -> "the function " + Lambdas.describe(function));
            out.writeInt(args.length);
            for (int i = 0; i < args.length; i++) {
                int position = i + 1;
                codec.writeValue(out, args[i], () -> "argument " + position + " of " + Lambdas.describe(function));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        long started = CallLog.isDebug() ? System.nanoTime() : 0;
        if (started != 0) {
            CallLog.debug(localId, remoteId, "call execute " + Lambdas.describe(function) + describeArgs(args));
        }
        Reply reply = kernel.call(buffer.array(), buffer.size());
        if (started != 0) {
            CallLog.debug(localId, remoteId, (reply.ok() ? "returned " : "threw ") + Lambdas.describe(function)
                    + String.format(" in %.3f ms", (System.nanoTime() - started) / 1e6));
        }
        return result(reply, () -> "the result of " + Lambdas.describe(function));
    }

    private Object result(Reply reply, java.util.function.Supplier<String> what) {
        DataInputStream in = reply.body();
        if (reply.ok()) {
            try {
                return codec.readValue(in);
            } catch (IOException | RuntimeException e) {
                throw new TwinSerializationException("cannot read " + what.get() + " from twin '" + remoteId + "': "
                        + e.getMessage(), e);
            }
        }
        Throwable error;
        try {
            error = codec.readThrowable(in);
        } catch (IOException e) {
            throw new TwinException("twin '" + remoteId + "' threw an exception that cannot be read: " + e, e);
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
            byte op = body.readByte();
            if (op != OP_EXECUTE) {
                throw new TwinException("unknown operation " + op + " from '" + remoteId
                        + "': master and twin run different cpy2j versions");
            }
            return serveExecute(requestId, body);
        } catch (Throwable error) {
            return errorReply(error);
        }
    }

    private Reply serveExecute(long requestId, DataInputStream body) throws Exception {
        Object function;
        Object[] args;
        try {
            function = codec.readValue(body);
            args = new Object[body.readInt()];
            for (int i = 0; i < args.length; i++) {
                args[i] = codec.readValue(body);
            }
        } catch (IOException | RuntimeException e) {
            throw new TwinSerializationException("'" + localId + "' cannot read a call from '" + remoteId + "': "
                    + e.getMessage(), e);
        }
        if (CallLog.isDebug()) {
            CallLog.debug(remoteId, localId, "serve #" + requestId + " execute " + Lambdas.describe(function)
                    + " in " + localId);
        }
        Object result = Invocations.invoke(function, args);
        Buffer buffer = new Buffer();
        codec.writeValue(new DataOutputStream(buffer), result, () -> "the result of " + Lambdas.describe(function));
        return sized(new Reply(true, buffer.array(), 0, buffer.size()));
    }

    private Reply sized(Reply reply) {
        if (reply.length() <= kernel.maxBodySize()) {
            return reply;
        }
        return errorReply(new TwinSerializationException("the result is " + reply.length()
                + " bytes, over the frame limit of " + kernel.maxBodySize() + " bytes (TwinMaster.Builder.maxFrameSize)"));
    }

    private Reply errorReply(Throwable error) {
        Buffer buffer = new Buffer();
        try {
            codec.writeThrowable(new DataOutputStream(buffer), error);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply(false, buffer.array(), 0, buffer.size());
    }

    private static String describeArgs(Object[] args) {
        if (!CallLog.isTrace()) {
            return " (" + args.length + " arguments)";
        }
        return " " + Arrays.deepToString(args);
    }

    public String localId() {
        return localId;
    }

    public String remoteId() {
        return remoteId;
    }
}
