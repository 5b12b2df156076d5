package io.cpy2j.internal.call;

import io.cpy2j.internal.codec.SerializedLambdas;
import java.lang.invoke.SerializedLambda;

/**
 * The class and method a function runs, as observers are told: a lambda's implementation method, or
 * the function object's class and "apply". Found once per function class, since it never changes: a
 * call would otherwise pay for the lambda's serialized form each time.
 */
record FunctionNames(String targetClass, String method) {

    private static final ClassValue<FunctionNames[]> CACHE = new ClassValue<>() {
        @Override
        protected FunctionNames[] computeValue(Class<?> type) {
            return new FunctionNames[1];
        }
    };

    static FunctionNames of(Object function) {
        FunctionNames[] slot = CACHE.get(function.getClass());
        FunctionNames names = slot[0];
        if (names == null) {
            SerializedLambda lambda = SerializedLambdas.of(function);
            names = lambda == null ? new FunctionNames(function.getClass().getName(), "apply")
                    : new FunctionNames(lambda.getImplClass().replace('/', '.'), lambda.getImplMethodName());
            slot[0] = names; // a benign race: every thread computes the same names
        }
        return names;
    }
}
