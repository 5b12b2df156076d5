package io.cpy2j.internal.transport;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The default transport: a pair of streams. In the master they are the twin process's stdout and
 * stdin; in the twin they are its own file descriptors 0 and 1, taken before user code can print.
 * No port is opened, so nothing else on the machine can connect.
 */
public final class StreamTransport implements Transport {

    private static final int BUFFER = 64 * 1024;

    private final InputStream input;
    private final OutputStream output;

    public StreamTransport(InputStream input, OutputStream output) {
        this.input = new ChannelInputStream(input, BUFFER);
        this.output = new BufferedOutputStream(output, BUFFER);
    }

    /** The twin's side: the process's own stdin and stdout. */
    public static StreamTransport ofStandardStreams() {
        return new StreamTransport(new FileInputStream(FileDescriptor.in), new FileOutputStream(FileDescriptor.out));
    }

    /** The master's side: the child's stdout is what the twin writes, its stdin what the twin reads. */
    public static StreamTransport ofProcess(Process process) {
        return new StreamTransport(process.getInputStream(), process.getOutputStream());
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public void close() {
        closeQuietly(output);
        closeQuietly(input);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already broken: the peer is gone, which is what closing wants
        }
    }
}
