package io.cpy2j.internal.call;

import io.cpy2j.internal.codec.SerializedLambdas;
import java.lang.invoke.SerializedLambda;

/** Human names for functions ("Functions::sumRange") in logs and error messages. */
public final class Lambdas {

    private Lambdas() {
    }

    /** A serializable lambda's implementation method, or the class name of any other function object. */
    public static String describe(Object function) {
        if (function == null) {
            return "null";
        }
        SerializedLambda lambda = SerializedLambdas.of(function);
        if (lambda != null) {
            return simpleName(lambda.getImplClass()) + "::" + lambda.getImplMethodName();
        }
        return function.getClass().getSimpleName().replaceAll("\\$\\$Lambda.*", "::lambda");
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1).replace('$', '.');
    }
}
