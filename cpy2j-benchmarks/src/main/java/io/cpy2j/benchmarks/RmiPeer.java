package io.cpy2j.benchmarks;

import io.cpy2j.benchmarks.peers.ChildJvm;
import io.cpy2j.benchmarks.peers.EchoService;
import io.cpy2j.benchmarks.peers.RmiEchoServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.rmi.registry.LocateRegistry;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Java RMI over loopback TCP to a child JVM on the same JDK: the established way to call another JVM. */
@State(Scope.Benchmark)
public class RmiPeer {

    EchoService service;
    private Process child;

    @Setup(Level.Trial)
    public void start() throws Exception {
        child = ChildJvm.start(ChildJvm.currentJava(), RmiEchoServer.class);
        int port = readPort(child);
        service = (EchoService) LocateRegistry.getRegistry("127.0.0.1", port).lookup(RmiEchoServer.NAME);
        Checks.expect(service.echo(7), 7, "RMI echo");
        Checks.expect(service.echoRecord(Payloads.POINT), Payloads.POINT, "RMI record");
    }

    @TearDown(Level.Trial)
    public void stop() {
        service = null;
        ChildJvm.stop(child);
    }

    /** The child's first line; if it dies first, stdout ends and this fails instead of hanging. */
    private static int readPort(Process child) throws IOException {
        // Not closed: closing would close the child's stdout, and it has nothing more to say anyway.
        BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.startsWith(RmiEchoServer.PORT_PREFIX)) {
            throw new IllegalStateException("RMI child did not report its port, it printed: " + line);
        }
        return Integer.parseInt(line.substring(RmiEchoServer.PORT_PREFIX.length()).trim());
    }
}
