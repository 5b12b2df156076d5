package io.cpy2j.internal.object;

/** Implemented by every proxy cpy2j makes, so that it is recognised wherever it is sent. */
public interface TwinProxy {

    /** The handler holding the proxy's connection and remote id. */
    RemoteObject cpy2jRemote();
}
