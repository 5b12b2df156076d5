package io.cpy2j.internal.call;

import io.cpy2j.TwinCall;
import io.cpy2j.TwinCallObserver.Scope;
import io.cpy2j.TwinException;
import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.codec.Codec;
import io.cpy2j.internal.kernel.Reply;
import io.cpy2j.internal.kernel.RequestHandler;
import io.cpy2j.internal.object.MethodKeys;
import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.Trust;
import io.cpy2j.internal.object.TrustBreach;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The serving half of an {@link Endpoint}: reads the peer's request, makes its headers this thread's
 * while it runs (and puts the chosen ones in the logging MDC), lets the observers see it, runs it, and
 * writes the result or the exception as the reply.
 */
final class Dispatcher implements RequestHandler {

    private static final TwinCall.Kind[] KINDS = TwinCall.Kind.values();

    private final Endpoint endpoint;
    private final Codec codec;
    private final ObjectSpace objects;
    private final CallObservers observers;

    Dispatcher(Endpoint endpoint, Codec codec, ObjectSpace objects, CallObservers observers) {
        this.endpoint = endpoint;
        this.codec = codec;
        this.objects = objects;
        this.observers = observers;
    }

    @Override
    public Reply handle(long requestId, DataInputStream body) {
        if (trust().isBreached()) { // what a breaching peer wrote after the breach is never served
            return errorReply(new TwinException("refused: '" + endpoint.remoteId() + "' breached its trust"));
        }
        try {
            return dispatch(requestId, body);
        } finally {
            // The reply is sent: its exports stay. Functions written into it are not known to have arrived,
            // so they stay unconfirmed and are sent in full again: the receipt is left unsettled.
            codec.takeReceipt();
        }
    }

    private Reply dispatch(long requestId, DataInputStream body) {
        Map<String, String> headers;
        byte op;
        TwinCall.Kind kind;
        int received;
        try {
            received = body.available();
            op = body.readByte();
            kind = KINDS[body.readUnsignedByte() % KINDS.length];
            headers = CallHeaders.read(body);
            if (trust().isRestricted()) {
                headers = Map.of(); // not the trace, MDC or headers of the calls it leads to: it could forge them
            }
        } catch (IOException | RuntimeException e) {
            TwinException malformed = new TwinException("a malformed request from '" + endpoint.remoteId() + "': " + e);
            return errorReply(trust().isRestricted() ? trust().breach(malformed.getMessage()) : malformed);
        }
        Map<String, String> outer = CallHeaders.enter(headers);
        MdcHeaders.Restore mdc = MdcHeaders.put(headers);
        Observed observed = observers.isEmpty() ? null : new Observed(kind, headers);
        try {
            Reply reply = serve(requestId, op, body, observed);
            if (observed != null) {
                observed.scope.ended(observed.error, reply.length(), received);
            }
            return reply;
        } finally {
            mdc.restore();
            CallHeaders.leave(outer);
        }
    }

    /** One served call's observation: started once the request is read, ended with its outcome. */
    private final class Observed {
        private final TwinCall.Kind kind;
        private final Map<String, String> headers;
        private Scope scope = Scope.NONE;
        private Throwable error;

        Observed(TwinCall.Kind kind, Map<String, String> headers) {
            this.kind = kind;
            this.headers = headers;
        }

        void start(String targetClass, String method) {
            scope = observers.serving(new TwinCall(endpoint.localId(), endpoint.remoteId(), kind, targetClass, method,
                    false), headers);
        }

        void startFunction(Object function, Object[] args) {
            if (kind == TwinCall.Kind.CREATE && args.length > 0 && args[0] instanceof String className) {
                start(className, "<init>");
                return;
            }
            FunctionNames names = FunctionNames.of(function);
            start(names.targetClass(), names.method());
        }
    }

    private Reply serve(long requestId, byte op, DataInputStream body, Observed observed) {
        try {
            if (op == Endpoint.OP_EXECUTE && trust().isRestricted()) {
                throw trust().breach("it asked to run a function here (execute, or creating an object), which a "
                        + "restricted twin may not");
            }
            return switch (op) {
                case Endpoint.OP_EXECUTE -> serveExecute(requestId, body, observed);
                case Endpoint.OP_INVOKE -> serveInvoke(requestId, body, observed);
                case Endpoint.OP_RELEASE -> serveRelease(body, observed);
                default -> throw unknown("unknown operation " + op + " from '" + endpoint.remoteId()
                        + "': master and twin run different cpy2j versions");
            };
        } catch (Throwable error) {
            if (observed != null) {
                observed.error = error;
            }
            return errorReply(error);
        }
    }

    private Reply serveExecute(long requestId, DataInputStream body, Observed observed) throws Exception {
        Object function = readIncoming(body, () -> "a function");
        Object[] args = readArgs(body);
        if (CallLog.isDebug()) {
            CallLog.debug(endpoint.remoteId(), endpoint.localId(), "serve #" + requestId + " execute "
                    + Lambdas.describe(function) + " in " + endpoint.localId());
        }
        if (observed != null) {
            observed.startFunction(function, args);
        }
        Object result = Invocations.invoke(function, args);
        return resultReply(result, () -> "the result of " + Lambdas.describe(function));
    }

    private Reply serveInvoke(long requestId, DataInputStream body, Observed observed) throws Throwable {
        Object target = objects.exported(body.readLong());
        Method method = methodOf(target, body.readUTF());
        Object[] args = readArgs(body);
        if (CallLog.isDebug()) {
            CallLog.debug(endpoint.remoteId(), endpoint.localId(), "serve #" + requestId + " invoke "
                    + method.getDeclaringClass().getSimpleName() + "." + method.getName() + " in " + endpoint.localId());
        }
        if (observed != null) {
            observed.start(method.getDeclaringClass().getName(), method.getName());
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

    private Reply serveRelease(DataInputStream body, Observed observed) throws IOException {
        if (observed != null) {
            observed.start(null, null);
        }
        for (int i = body.readInt(); i > 0; i--) {
            objects.released(body.readLong(), body.readLong());
        }
        return resultReply(null, () -> "release");
    }

    /**
     * The method a request names. A restricted peer may only name a method of the object it calls: the
     * name is looked up among that object's methods, so no other class is ever loaded for it.
     */
    private Method methodOf(Object target, String key) {
        if (!trust().isRestricted()) {
            return MethodKeys.methodOf(key);
        }
        Method method = MethodKeys.callableOn(target.getClass(), key);
        if (method == null) {
            throw trust().breach("it called " + key + ", which is not a public method of what the object was "
                    + "exported as");
        }
        return method;
    }

    private TwinException unknown(String message) {
        return trust().isRestricted() ? trust().breach(message) : new TwinException(message);
    }

    private Trust trust() {
        return objects.trust();
    }

    private Object[] readArgs(DataInputStream body) throws IOException {
        int count = body.readInt();
        if (count < 0 || count > body.available()) { // each argument takes at least its tag byte
            throw unknown("corrupt request: " + count + " arguments announced, fewer bytes left");
        }
        Object[] args = new Object[count];
        for (int i = 0; i < args.length; i++) {
            int position = i + 1;
            args[i] = readIncoming(body, () -> "argument " + position);
        }
        return args;
    }

    private Object readIncoming(DataInputStream body, Supplier<String> what) {
        try {
            return codec.readValue(body);
        } catch (TrustBreach e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (trust().isRestricted()) { // garbage from a restricted twin is no mistake to report back
                throw trust().breach("it sent " + what.get() + " that cannot be read: " + e.getMessage());
            }
            throw new TwinSerializationException("'" + endpoint.localId() + "' cannot read " + what.get() + " sent by '"
                    + endpoint.remoteId() + "': " + e.getMessage(), e);
        }
    }

    private Reply resultReply(Object result, Supplier<String> what) throws IOException {
        Buffer buffer = Buffer.sizedFor(result);
        try {
            codec.writeValue(new DataOutputStream(buffer), result, what);
            int limit = endpoint.kernel().maxBodySize();
            if (buffer.size() > limit) {
                throw new TwinSerializationException(what.get() + " is " + buffer.size()
                        + " bytes, over the frame limit of " + limit + " bytes (TwinMasterBuilder.maxFrameSize)");
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
            codec.writeThrowable(new DataOutputStream(buffer), error, endpoint.kernel().maxBodySize());
        } catch (IOException | RuntimeException e) {
            // an exception that cannot even be written (a failing getMessage): say so instead
            return errorReply(new TwinException("'" + endpoint.localId() + "' failed with " + error.getClass().getName()
                    + ", which cannot be sent back: " + e));
        }
        return new Reply(false, buffer.array(), 0, buffer.size());
    }
}
