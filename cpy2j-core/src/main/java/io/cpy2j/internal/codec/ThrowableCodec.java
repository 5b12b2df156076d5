package io.cpy2j.internal.codec;

import io.cpy2j.RemoteTwinException;
import io.cpy2j.internal.object.Trust;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Exceptions cross as two Java-serialized copies: the original, and a stand-in chain of
 * {@link RemoteTwinException}s (type names, messages and stack frames only). The receiver rebuilds the
 * original when its class is there and can be read, and falls back to the stand-in otherwise.
 */
final class ThrowableCodec {

    /** The longest message a cut-down exception keeps; shorter still if the frame limit asks for it. */
    private static final int MESSAGE_LIMIT = 16 * 1024;
    /** How deep a cause chain is rebuilt; a stand-in is written 20 deep, and a forged one may loop. */
    private static final int MAX_CAUSES = 20;

    /**
     * Writes the exception in at most {@code maxBytes}: whole when it fits; otherwise without the
     * original (its type, a message, the frames still cross in the stand-in); and when even the stand-in
     * is too large (a 16 MiB message), a stand-in cut down to a shortened message and fewer frames.
     * A peer refuses a frame over its limit and drops the connection, so an exception must never make one.
     */
    void write(DataOutput out, Throwable error, int maxBytes) throws IOException {
        byte[] standIn = JavaSerialization.write(standIn(error, 0));
        byte[] original = originalOf(error);
        if (original.length + standIn.length + 8 > maxBytes) {
            original = new byte[0];
        }
        for (int limit = MESSAGE_LIMIT; standIn.length + 8 > maxBytes; limit /= 16) {
            standIn = JavaSerialization.write(cutDown(error, limit, 0));
        }
        writeBlob(out, original);
        writeBlob(out, standIn);
    }

    private static byte[] originalOf(Throwable error) {
        try {
            return JavaSerialization.write(error);
        } catch (IOException | RuntimeException e) {
            return new byte[0]; // a non-serializable field: only the stand-in crosses
        }
    }

    /** A stand-in with at most {@code limit} characters of message and frames; none at all at limit 0. */
    private static RemoteTwinException cutDown(Throwable error, int limit, int depth) {
        String type = error instanceof RemoteTwinException r ? r.remoteType() : error.getClass().getName();
        String message = error instanceof RemoteTwinException r ? messageOf(r) : error.getMessage();
        if (message != null && message.length() > limit) {
            message = message.substring(0, limit) + " ... [cut: " + (message.length() - limit)
                    + " more characters did not fit in a frame]";
        }
        RemoteTwinException copy = new RemoteTwinException(type, message);
        StackTraceElement[] frames = error.getStackTrace();
        copy.setStackTrace(Arrays.copyOf(frames, Math.min(frames.length, limit / 64)));
        if (limit > 0 && error.getCause() != null && error.getCause() != error && depth < MAX_CAUSES) {
            copy.initCause(cutDown(error.getCause(), limit, depth + 1));
        }
        return copy;
    }

    /**
     * @param trust a restricted peer's original is never read (Java serialization would rebuild any
     *              serializable class it names, the classic gadget route), and its stand-in is rebuilt
     *              only as a JDK exception or one of its trusted packages
     */
    Throwable read(DataInput in, Trust trust) throws IOException {
        byte[] original = StandardCodec.readBytes(in);
        byte[] standIn = StandardCodec.readBytes(in);
        if (original.length > 0 && !trust.isRestricted()) {
            try {
                return (Throwable) JavaSerialization.read(original);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                // fall through to the stand-in: the class is missing here or cannot be rebuilt
            }
        }
        RemoteTwinException remote;
        try {
            remote = (RemoteTwinException) (trust.isRestricted() ? JavaSerialization.readStandIn(standIn)
                    : JavaSerialization.read(standIn));
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("cannot read a remote exception", e);
        }
        // Copied before use: a forged stand-in may loop through its causes or suppressed exceptions (any
        // code walking the chain would never end); the copy is a chain of at most MAX_CAUSES, no loop.
        return rebuild(standIn(remote, 0), trust, 0);
    }

    /**
     * The remote exception's own type when it exists here with a (String) constructor and the peer may
     * name it (any JDK exception may be, and cpy2j's own), else the stand-in.
     */
    private static Throwable rebuild(RemoteTwinException remote, Trust trust, int depth) {
        String type = remote.remoteType();
        if (type == null || !type.startsWith("java.") && !isCpy2jsOwn(type) && !trust.mayName(type)) {
            return remote; // not loaded: an exception of its own is no breach, only not rebuilt
        }
        Throwable rebuilt;
        try {
            rebuilt = Class.forName(type, false, Thread.currentThread().getContextClassLoader())
                    .asSubclass(Throwable.class).getConstructor(String.class).newInstance(messageOf(remote));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return remote;
        }
        rebuilt.setStackTrace(remote.getStackTrace());
        if (remote.getCause() instanceof RemoteTwinException cause && depth < MAX_CAUSES) { // a chain may loop
            try {
                rebuilt.initCause(rebuild(cause, trust, depth + 1));
            } catch (IllegalStateException e) {
                // its (String) constructor set a cause (null, say): the stand-in keeps the chain
                return rebuilt.getCause() == null ? remote : rebuilt;
            }
        }
        return rebuilt;
    }

    /** cpy2j's public exceptions (io.cpy2j.TwinSerializationException, ...): what a twin's cpy2j reports. */
    private static boolean isCpy2jsOwn(String type) {
        return type.startsWith("io.cpy2j.") && type.indexOf('.', "io.cpy2j.".length()) < 0 && type.endsWith("Exception");
    }

    /** A copy of type names, messages and frames, its causes at most MAX_CAUSES deep; nothing suppressed. */
    private static RemoteTwinException standIn(Throwable error, int depth) {
        RemoteTwinException copy = error instanceof RemoteTwinException r
                ? new RemoteTwinException(r.remoteType(), messageOf(r))
                : new RemoteTwinException(error.getClass().getName(), error.getMessage());
        copy.setStackTrace(error.getStackTrace());
        if (error.getCause() != null && error.getCause() != error && depth < MAX_CAUSES) {
            copy.initCause(standIn(error.getCause(), depth + 1));
        }
        return copy;
    }

    /** The remote exception's own message: the stand-in's without the "type: " it starts with. */
    private static String messageOf(RemoteTwinException r) {
        String prefix = r.remoteType() + ": ";
        String message = r.getMessage();
        if (message == null || message.equals(String.valueOf(r.remoteType()))) {
            return null;
        }
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static void writeBlob(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
