package io.cpy2j.internal.codec;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/** The {@link SerializedLambda} of a serializable lambda, through its class's private {@code writeReplace}. */
public final class SerializedLambdas {

    private static final ClassValue<Method> WRITE_REPLACE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method method = type.getDeclaredMethod("writeReplace");
                method.setAccessible(true);
                return method;
            } catch (NoSuchMethodException | RuntimeException e) {
                return null;
            }
        }
    };

    private SerializedLambdas() {
    }

    /** The lambda's serialized form, or {@code null} for anything that is not a serializable lambda. */
    public static SerializedLambda of(Object lambda) {
        Method writeReplace = lambda.getClass().isSynthetic() ? WRITE_REPLACE.get(lambda.getClass()) : null;
        try {
            return writeReplace != null && writeReplace.invoke(lambda) instanceof SerializedLambda serialized
                    ? serialized : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
