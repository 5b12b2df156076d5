package io.cpy2j;

/**
 * How far the master trusts what a twin sends it ({@link TwinMasterBuilder#trust}).
 *
 * <p>A twin often isolates code that handles untrusted input (a parser, a native library). If that code
 * is subverted, the twin's channel is the way into the master; {@link #RESTRICTED} closes it to all but
 * what the master handed that twin.
 */
public enum TwinTrust {

    /**
     * The default: the twin is part of the application. It may run functions in the master, create
     * objects there, and send values of any class on the master's class path, rebuilt by name (Jackson's
     * deny list and cpy2j's serialization filter still refuse the JDK's known gadget classes). A subverted
     * twin can therefore run code in the master: use it only for twins whose code and input you trust.
     */
    FULL,

    /**
     * The master serves that twin only calls of the public instance methods of the types an object was
     * exported to it as (and their release); a request to run a function or create an object is refused,
     * and the headers its calls carry (trace context) are ignored. Values from the twin are decoded only as JDK value
     * types and classes of its trusted packages ({@link TwinMasterBuilder#trustedPackages}); no other class
     * it names is loaded. Object ids the master never gave it, frames over the frame limit (16 MiB unless
     * {@link TwinMasterBuilder#maxFrameSize} says otherwise), more than 1,024 distinct types or functions, more calls in
     * flight than {@link TwinMasterBuilder#maxCallsInFlight} allows, or anything else outside the protocol
     * is a breach: the master logs why, kills the twin and what it started, closes the channel, and its
     * calls fail with {@link TwinTerminatedException} naming the reason (a restart policy then applies as
     * for any death).
     */
    RESTRICTED
}
