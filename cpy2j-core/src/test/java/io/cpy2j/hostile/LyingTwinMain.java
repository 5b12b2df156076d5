package io.cpy2j.hostile;

import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.protocol.Handshake;
import io.cpy2j.internal.protocol.Protocol;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * A twin main that claims another protocol version in its handshake, then waits to be stopped: run
 * through {@code TwinBootstrap} as a twin's main class, with a twin's arguments.
 */
public final class LyingTwinMain {

    private LyingTwinMain() {
    }

    public static void main(String[] args) throws Exception {
        FrameWriter writer = new FrameWriter(new FileOutputStream(FileDescriptor.out));
        writer.writeRaw(Protocol.MAGIC);
        Handshake lie = new Handshake(Protocol.VERSION + 97, args[0], ProcessHandle.current().pid(),
                System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("java.home"));
        byte[] hello = lie.encode();
        writer.write(Protocol.KIND_HELLO, 0, 0, hello, hello.length);
        Thread.sleep(60_000); // bounded: the master kills it long before
    }
}
