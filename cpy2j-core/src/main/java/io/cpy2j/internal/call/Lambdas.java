package io.cpy2j.internal.call;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/** Human names for functions ("Functions::sumRange") in logs and error messages. */
public final class Lambdas {

    /** A serializable lambda's class has a private writeReplace() that returns its SerializedLambda. */
    private static final ClassValue<Method> WRITE_REPLACE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                Method method = type.getDeclaredMethod("writeReplace");
                method.setAccessible(true);
                return method;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
    };

    private Lambdas() {
    }

    /** A serializable lambda's implementation method, or the class name of any other function object. */
    public static String describe(Object function) {
        if (function == null) {
            return "null";
        }
        Class<?> type = function.getClass();
        Method writeReplace = type.isSynthetic() ? WRITE_REPLACE.get(type) : null;
        if (writeReplace != null) {
            try {
                SerializedLambda lambda = (SerializedLambda) writeReplace.invoke(function);
                return simpleName(lambda.getImplClass()) + "::" + lambda.getImplMethodName();
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall back to the class name
            }
        }
        return type.getSimpleName().replaceAll("\\$\\$Lambda.*", "::lambda");
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }
}
