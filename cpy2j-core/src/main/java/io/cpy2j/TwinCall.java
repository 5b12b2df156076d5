package io.cpy2j;

/**
 * One call between two runtimes, as a {@link TwinCallObserver} sees it.
 *
 * @param localId     the runtime observing it ({@code "master"} or a twin's id)
 * @param remoteId    the runtime at the other end
 * @param kind        what the call does
 * @param targetClass the class whose code runs: the function's declaring class, the created class,
 *                    or the class of the method called; {@code null} for a release
 * @param method      the method or function name ({@code "sumRange"}, {@code "lambda$main$0"}), or
 *                    {@code "<init>"} for a creation; {@code null} for a release
 * @param async       whether the caller does not wait for it ({@code submit}, {@code Twins.async})
 */
public record TwinCall(String localId, String remoteId, Kind kind, String targetClass, String method, boolean async) {

    /** What a call does. */
    public enum Kind {
        /** Runs a function ({@code execute}, {@code submit}, twin functions). */
        EXECUTE,
        /** Creates an object in the other runtime ({@code create}, {@code createRecreatable}). */
        CREATE,
        /** Calls a method of an object that lives in the other runtime, through its proxy. */
        METHOD,
        /** A method call made while this thread serves a call from the same runtime: it calls back into it. */
        CALLBACK,
        /** Tells the other runtime that proxies were dropped (sent in batches by cpy2j itself). */
        RELEASE
    }
}
