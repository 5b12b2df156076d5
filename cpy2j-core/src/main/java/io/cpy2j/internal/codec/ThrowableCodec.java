package io.cpy2j.internal.codec;

import io.cpy2j.RemoteTwinException;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Exceptions cross as two Java-serialized copies: the original, and a stand-in chain of
 * {@link RemoteTwinException}s (type names, messages and stack frames only). The receiver rebuilds the
 * original when its class is there and can be read, and falls back to the stand-in otherwise.
 */
final class ThrowableCodec {

    void write(DataOutput out, Throwable error) throws IOException {
        byte[] original;
        try {
            original = JavaSerialization.write(error);
        } catch (IOException e) {
            original = new byte[0]; // a non-serializable field: only the stand-in crosses
        }
        writeBlob(out, original);
        writeBlob(out, JavaSerialization.write(standIn(error, 0)));
    }

    Throwable read(DataInput in) throws IOException {
        byte[] original = StandardCodec.readBytes(in);
        byte[] standIn = StandardCodec.readBytes(in);
        if (original.length > 0) {
            try {
                return (Throwable) JavaSerialization.read(original);
            } catch (IOException | ClassNotFoundException | ClassCastException e) {
                // fall through to the stand-in: the class is missing here or cannot be rebuilt
            }
        }
        RemoteTwinException remote;
        try {
            remote = (RemoteTwinException) JavaSerialization.read(standIn);
        } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("cannot read a remote exception", e);
        }
        return rebuild(remote);
    }

    /** The remote exception's own type when it exists here with a (String) constructor, else the stand-in. */
    private static Throwable rebuild(RemoteTwinException remote) {
        Throwable rebuilt;
        try {
            Class<?> type = Class.forName(remote.remoteType(), false, Thread.currentThread().getContextClassLoader());
            rebuilt = (Throwable) type.asSubclass(Throwable.class).getConstructor(String.class)
                    .newInstance(messageOf(remote));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return remote;
        }
        rebuilt.setStackTrace(remote.getStackTrace());
        if (remote.getCause() instanceof RemoteTwinException cause) {
            try {
                rebuilt.initCause(rebuild(cause));
            } catch (IllegalStateException e) {
                // the constructor already set a cause
            }
        }
        return rebuilt;
    }

    private static RemoteTwinException standIn(Throwable error, int depth) {
        RemoteTwinException copy = error instanceof RemoteTwinException r
                ? new RemoteTwinException(r.remoteType(), messageOf(r))
                : new RemoteTwinException(error.getClass().getName(), error.getMessage());
        copy.setStackTrace(error.getStackTrace());
        if (error.getCause() != null && error.getCause() != error && depth < 20) {
            copy.initCause(standIn(error.getCause(), depth + 1));
        }
        return copy;
    }

    private static String messageOf(RemoteTwinException r) {
        String prefix = r.remoteType() + ": ";
        String message = r.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : null;
    }

    private static void writeBlob(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }
}
