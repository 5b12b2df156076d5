package io.cpy2j.internal.codec;

import java.io.Serializable;

/**
 * The one place that decides which values can never be copied to another runtime: live resources
 * (threads, streams, sockets, anything {@link AutoCloseable}), class loaders, and lambdas whose
 * target type is not serializable.
 */
final class Sendability {

    private Sendability() {
    }

    static boolean isLambda(Class<?> type) {
        return type.isSynthetic() && type.getName().contains("$$Lambda");
    }

    /** Decided once per class: this runs for every value that is not a plain scalar. */
    private static final ClassValue<String> REASONS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String why = decide(type);
            return why == null ? "" : why;
        }
    };

    /** Why a value of this type cannot be sent, or {@code null} when it can. */
    static String whyNot(Class<?> type) {
        String why = REASONS.get(type);
        return why.isEmpty() ? null : why;
    }

    private static String decide(Class<?> type) {
        if (isLambda(type)) {
            return Serializable.class.isAssignableFrom(type) ? null
                    : "a lambda whose target type is not Serializable: use io.cpy2j.function.TwinFunction "
                      + "(or another Serializable functional interface)";
        }
        if (Thread.class.isAssignableFrom(type) || ThreadGroup.class.isAssignableFrom(type)) {
            return "a thread lives in its own JVM and cannot be copied";
        }
        if (ClassLoader.class.isAssignableFrom(type)) {
            return "a class loader cannot be copied to another JVM";
        }
        if (AutoCloseable.class.isAssignableFrom(type)) {
            return "a resource (AutoCloseable: stream, socket, connection) cannot be copied to another JVM; "
                   + "export it as a twin reference or send the data it holds";
        }
        return null;
    }
}
