package io.cpy2j.internal.transport;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * A byte pipe between two runtimes. The kernel frames and multiplexes on top of it, so another
 * transport (a Unix-domain socket, an SSH pipe) only has to provide two streams.
 */
public interface Transport {

    InputStream input();

    OutputStream output();

    /** Closes both directions; the peer sees end of stream. */
    void close();
}
