package io.cpy2j.benchmarks.peers;

import io.cpy2j.benchmarks.Peers;
import io.cpy2j.benchmarks.Point3;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;

/**
 * The RMI peer's child JVM: exports an {@link EchoService} in a registry on a free loopback port,
 * prints {@code port=<n>} on stdout, and exits when its stdin closes (the parent stopped or died).
 */
public final class RmiEchoServer implements EchoService {

    public static final String NAME = "echo";
    public static final String PORT_PREFIX = "port=";

    private RmiEchoServer() {
    }

    public static void main(String[] args) throws Exception {
        // Stubs carry this host name; without it RMI may advertise an address the client cannot reach.
        System.setProperty("java.rmi.server.hostname", "127.0.0.1");
        LoopbackSockets sockets = new LoopbackSockets();
        Registry registry = LocateRegistry.createRegistry(0, null, sockets);
        int port = sockets.lastPort;
        RmiEchoServer server = new RmiEchoServer();
        registry.bind(NAME, UnicastRemoteObject.exportObject(server, 0, null, sockets));
        System.out.println(PORT_PREFIX + port);
        System.out.flush();
        while (System.in.read() != -1) {
            // nothing is sent on stdin; end of file means the parent is gone
        }
        System.exit(0);
    }

    @Override
    public int echo(int value) {
        return Peers.echo(value);
    }

    @Override
    public byte[] echoBytes(byte[] bytes) {
        return Peers.echoBytes(bytes);
    }

    @Override
    public Point3 echoRecord(Point3 point) {
        return Peers.echoRecord(point);
    }

    /**
     * Listens on loopback only, and remembers the port it got: with port 0 that is the only way to
     * learn the registry's port without racing another process for a "free" one.
     */
    private static final class LoopbackSockets implements RMIServerSocketFactory {

        volatile int lastPort;

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            lastPort = socket.getLocalPort();
            return socket;
        }
    }
}
