package io.cpy2j.internal.kernel;

import java.io.DataInputStream;

/** Serves requests from the peer. Must not throw: failures are encoded in an error {@link Reply}. */
@FunctionalInterface
public interface RequestHandler {
    Reply handle(long requestId, DataInputStream body);
}
