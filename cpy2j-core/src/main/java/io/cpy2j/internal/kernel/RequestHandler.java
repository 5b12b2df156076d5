package io.cpy2j.internal.kernel;

import java.io.DataInputStream;

/** Serves requests from the peer. Must not throw: failures are encoded in an error {@link Reply}. */
public interface RequestHandler {

    /** Serves one request; the reply's body must fit {@link Kernel#maxBodySize()}. */
    Reply handle(long requestId, DataInputStream body);

    /**
     * An error reply saying the request failed with {@code error}, small enough for any frame: the
     * kernel's answer when {@link #handle} broke its contract (threw, or made a reply over the limit).
     */
    Reply failure(Throwable error);
}
