package io.cpy2j.benchmarks;

import io.cpy2j.benchmarks.peers.ChildJvm;
import io.cpy2j.benchmarks.peers.RawEchoServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The floor under cpy2j: the same stdin/stdout pipes to a child JVM, carrying length-prefixed bytes and
 * nothing else. One conversation at a time, so only single-threaded benchmarks may use it.
 */
@State(Scope.Benchmark)
public class RawPipe {

    /** A ping is 16 bytes on the wire each way: the 4-byte length and 12 bytes of payload. */
    static final int PING_PAYLOAD = 12;

    private static final int BUFFER = 64 * 1024;

    private final byte[] ping = new byte[PING_PAYLOAD];
    private final byte[] pong = new byte[PING_PAYLOAD];
    private Process child;
    private DataOutputStream out;
    private DataInputStream in;

    @Setup(Level.Trial)
    public void start() throws IOException {
        child = ChildJvm.start(ChildJvm.currentJava(), RawEchoServer.class);
        out = new DataOutputStream(new BufferedOutputStream(child.getOutputStream(), BUFFER));
        in = new DataInputStream(new BufferedInputStream(child.getInputStream(), BUFFER));
        Checks.expect(roundTrip(Payloads.BYTES_1KIB), Payloads.BYTES_1KIB, "raw pipe echo");
    }

    @TearDown(Level.Trial)
    public void stop() {
        ChildJvm.stop(child);
    }

    /** The ping-pong: reuses its buffers, as the cheapest possible exchange would. */
    byte[] ping() throws IOException {
        send(ping);
        if (in.readInt() != PING_PAYLOAD) {
            throw new IOException("raw pipe: unexpected pong length");
        }
        in.readFully(pong);
        return pong;
    }

    /** A payload round trip into a new array, as any call returning {@code byte[]} must allocate one. */
    byte[] roundTrip(byte[] message) throws IOException {
        send(message);
        byte[] reply = new byte[in.readInt()];
        in.readFully(reply);
        return reply;
    }

    private void send(byte[] message) throws IOException {
        out.writeInt(message.length);
        out.write(message);
        out.flush();
    }
}
