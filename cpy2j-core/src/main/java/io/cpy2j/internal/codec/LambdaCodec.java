package io.cpy2j.internal.codec;

import io.cpy2j.TwinSerializationException;
import io.cpy2j.internal.object.Trust;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Supplier;

/**
 * Serializable lambdas and method references without Java serialization: the lambda's
 * {@link SerializedLambda} (which method, which interface) as strings, and its captured values as
 * ordinary values, so a captured twin object crosses by reference and a captured record by value.
 * The receiver rebuilds the lambda through the capturing class's own {@code $deserializeLambda$}.
 */
final class LambdaCodec {

    private static final ClassValue<Method> DESERIALIZE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method method = type.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    /** A lambda class keeps captured values in fields: without fields, every instance is the same function. */
    private static final ClassValue<Boolean> CAPTURES_NOTHING = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return type.getDeclaredFields().length == 0;
        }
    };

    static boolean capturesNothing(Class<?> lambdaType) {
        return CAPTURES_NOTHING.get(lambdaType);
    }

    interface ValueWriter {
        void write(DataOutput out, Object value, Supplier<String> where) throws IOException;
    }

    interface ValueReader {
        Object read(DataInput in) throws IOException;
    }

    private LambdaCodec() {
    }

    static SerializedLambda describe(Object lambda, Supplier<String> where) {
        SerializedLambda serialized = SerializedLambdas.of(lambda);
        if (serialized != null) {
            return serialized;
        }
        throw new TwinSerializationException("Cannot send " + where.get() + ": " + lambda.getClass().getName()
                + " is not a serializable lambda");
    }

    /** The lambda's shape and captured values, each written with {@code values}. */
    static void write(DataOutput out, SerializedLambda lambda, ValueWriter values, Supplier<String> where)
            throws IOException {
        out.writeUTF(lambda.getCapturingClass());
        out.writeUTF(lambda.getFunctionalInterfaceClass());
        out.writeUTF(lambda.getFunctionalInterfaceMethodName());
        out.writeUTF(lambda.getFunctionalInterfaceMethodSignature());
        out.writeInt(lambda.getImplMethodKind());
        out.writeUTF(lambda.getImplClass());
        out.writeUTF(lambda.getImplMethodName());
        out.writeUTF(lambda.getImplMethodSignature());
        out.writeUTF(lambda.getInstantiatedMethodType());
        out.writeShort(lambda.getCapturedArgCount());
        for (int i = 0; i < lambda.getCapturedArgCount(); i++) {
            int index = i;
            values.write(out, lambda.getCapturedArg(i), () -> where.get() + ", captured value " + (index + 1));
        }
    }

    /** The shape of a lambda that captures nothing, as bytes to send once and cache. */
    static byte[] shapeBytes(SerializedLambda lambda, Supplier<String> where) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, lambda, (o, v, w) -> { }, where);
        } catch (IOException e) {
            throw new IllegalStateException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    /** @param trust may refuse the capturing class, before it is loaded */
    static Object read(DataInput in, ValueReader values, Trust trust) throws IOException {
        String capturingClass = in.readUTF();
        String interfaceClass = in.readUTF();
        String interfaceMethod = in.readUTF();
        String interfaceSignature = in.readUTF();
        int implKind = in.readInt();
        String implClass = in.readUTF();
        String implMethod = in.readUTF();
        String implSignature = in.readUTF();
        String instantiatedType = in.readUTF();
        Object[] captured = new Object[StandardCodec.checkedCount(in, in.readShort())];
        for (int i = 0; i < captured.length; i++) {
            captured[i] = values.read(in);
        }
        String capturingName = capturingClass.replace('/', '.');
        trust.require(capturingName, "a function");
        Class<?> capturing = load(capturingName);
        SerializedLambda lambda = new SerializedLambda(capturing, interfaceClass, interfaceMethod, interfaceSignature,
                implKind, implClass, implMethod, implSignature, instantiatedType, captured);
        return rebuild(capturing, lambda);
    }

    static Object readShape(byte[] bytes, Trust trust) throws IOException {
        return read(new DataInputStream(new java.io.ByteArrayInputStream(bytes)), in -> null, trust);
    }

    private static Object rebuild(Class<?> capturing, SerializedLambda lambda) throws IOException {
        Method deserialize = DESERIALIZE.get(capturing);
        if (deserialize == null) {
            throw new IOException(capturing.getName() + " has no serializable lambdas on this side: master and "
                    + "twin have different versions of it");
        }
        try {
            return deserialize.invoke(null, lambda);
        } catch (InvocationTargetException e) {
            throw new IOException("cannot rebuild " + lambda.getImplClass() + "::" + lambda.getImplMethodName()
                    + " on this side: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IOException("cannot rebuild a lambda of " + capturing.getName() + ": " + e, e);
        }
    }

    private static Class<?> load(String name) throws IOException {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return Class.forName(name, false, loader != null ? loader : LambdaCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IOException("class " + name + " is not on this runtime's classpath", e);
        }
    }
}
