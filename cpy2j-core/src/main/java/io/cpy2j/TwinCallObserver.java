package io.cpy2j;

import java.util.Map;

/**
 * Observes every call between runtimes on this side: the calls this runtime makes ({@link #outgoing})
 * and the calls it serves for the other runtime ({@link #serving}). The starter turns them into
 * Micrometer observations; anything else (a log, a counter) works the same way.
 *
 * <p>Each call carries a small map of string headers. What an observer puts into {@code headers} of an
 * outgoing call is visible to the observers that serve it on the other side, and travels on, unchanged
 * unless an observer changes it, with every call made while it is served: callbacks back into the
 * caller and nested calls to any runtime, to any depth. This is how a trace context crosses into a twin
 * and back. A twin can copy header values into the SLF4J MDC while it serves a call
 * ({@code TwinMasterBuilder.mdcHeaders}), so the lines it logs carry them.
 *
 * <p>Called on the caller's or the serving thread, so keep it quick; an observer that throws is logged
 * and does not affect the call.
 */
public interface TwinCallObserver {

    /**
     * A call is about to be sent. {@code headers} already holds what the call inherits (the headers of the
     * call this thread serves, if any); put into it what should travel with the call.
     *
     * @return told when the call has ended
     */
    default Scope outgoing(TwinCall call, Map<String, String> headers) {
        return Scope.NONE;
    }

    /**
     * A call from the other runtime is about to be served here, with the headers it carried (read only).
     *
     * @return told when the call has been served
     */
    default Scope serving(TwinCall call, Map<String, String> headers) {
        return Scope.NONE;
    }

    /** The end of one observed call. */
    @FunctionalInterface
    interface Scope {

        Scope NONE = (error, bytesSent, bytesReceived) -> { };

        /**
         * @param error         what the call threw (or the served call answered with), {@code null} when it succeeded
         * @param bytesSent     bytes this side sent for the call (the request, or the served call's reply)
         * @param bytesReceived bytes this side received for it (the reply, or the served request)
         */
        void ended(Throwable error, long bytesSent, long bytesReceived);
    }
}
