package io.cpy2j.benchmarks.peers;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The raw pipe floor's child JVM: echoes length-prefixed messages from stdin to stdout, flushing each,
 * with no codec, threads or dispatch. Buffers match cpy2j's stream transport (64 KiB). Exits at end of input.
 */
public final class RawEchoServer {

    static final int BUFFER = 64 * 1024;

    private RawEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in), BUFFER));
        DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BUFFER));
        byte[] message = new byte[BUFFER];
        while (true) {
            int length;
            try {
                length = in.readInt();
            } catch (EOFException e) {
                return;
            }
            if (length > message.length) {
                message = new byte[length];
            }
            in.readFully(message, 0, length);
            out.writeInt(length);
            out.write(message, 0, length);
            out.flush();
        }
    }
}
