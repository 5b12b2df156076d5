package io.cpy2j.internal.call;

import io.cpy2j.TwinException;
import io.cpy2j.function.TwinBiFunction;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.function.TwinRunnable;
import io.cpy2j.function.TwinSupplier;
import io.cpy2j.function.TwinTriFunction;

/** Calls a received function object with its arguments. */
public final class Invocations {

    private Invocations() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object invoke(Object function, Object[] args) throws Exception {
        if (function instanceof TwinSupplier f && args.length == 0) {
            return f.get();
        }
        if (function instanceof TwinRunnable f && args.length == 0) {
            f.run();
            return null;
        }
        if (function instanceof TwinFunction f && args.length == 1) {
            return f.apply(args[0]);
        }
        if (function instanceof TwinBiFunction f && args.length == 2) {
            return f.apply(args[0], args[1]);
        }
        if (function instanceof TwinTriFunction f && args.length == 3) {
            return f.apply(args[0], args[1], args[2]);
        }
        throw new TwinException("cannot call " + Lambdas.describe(function) + " with " + args.length + " arguments");
    }
}
