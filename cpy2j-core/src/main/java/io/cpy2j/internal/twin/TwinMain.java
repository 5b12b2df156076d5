package io.cpy2j.internal.twin;

import io.cpy2j.TwinTerminatedException;
import io.cpy2j.internal.connection.Connection;
import io.cpy2j.internal.protocol.FrameWriter;
import io.cpy2j.internal.protocol.Handshake;
import io.cpy2j.internal.protocol.Protocol;
import io.cpy2j.internal.transport.StreamTransport;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The twin JVM's entry point: {@code TwinMain <twinId> <masterPid> <maxFrameSize>}. Takes stdin and
 * stdout for the channel before user code runs, answers the handshake, serves calls, and exits when
 * the master closes the channel or dies.
 */
public final class TwinMain {

    /** How often the twin checks that its master still lives, in case the pipe stays open. */
    private static final long MASTER_CHECK_MILLIS = 500;
    /**
     * How long the exit may take before the twin halts: user shutdown hooks, and on a first start the
     * writing of the class data sharing archive (JDK 17 writes it under a temporary name, and a JDK 25
     * archive cut short is rejected and made again). Short: a twin whose master died must be gone within
     * two seconds, and an exit that ran into this bound (1.8 s before) made that fail now and then.
     */
    private static final long EXIT_GRACE_MILLIS = 1000;

    private TwinMain() {
    }

    public static void main(String[] args) throws Exception {
        String twinId = args[0];
        long masterPid = Long.parseLong(args[1]);
        int maxFrameSize = Integer.parseInt(args[2]);
        Connection connection = Connection.over(StreamTransport.ofStandardStreams(), twinId, ThisRuntime.MASTER_ID,
                maxFrameSize);
        // From here on, whatever user code prints goes to stderr, which the master forwards to its log.
        System.setOut(System.err);
        System.setIn(InputStream.nullInputStream());

        CountDownLatch masterGone = new CountDownLatch(1);
        ThisRuntime.becomeTwin(twinId, connection.endpoint());
        sayHello(connection.writer(), twinId);
        connection.start(Connection.servingPool("cpy2j-" + twinId + "-worker-"), cause -> {
            masterGone.countDown();
            return new TwinTerminatedException(ThisRuntime.MASTER_ID, null,
                    "the master of twin '" + twinId + "' closed the channel or died");
        }, maxFrameSize, "cpy2j-" + twinId + "-reader");
        watchMaster(masterPid, masterGone);
        masterGone.await();
        exit();
    }

    private static void sayHello(FrameWriter writer, String twinId) throws IOException {
        writer.writeRaw(Protocol.MAGIC);
        byte[] hello = Handshake.ofThisRuntime(twinId).encode();
        writer.write(Protocol.KIND_HELLO, 0, 0, hello, hello.length);
    }

    /** A backup for the closed pipe: if the master process is gone, so is the reason to live. */
    private static void watchMaster(long masterPid, CountDownLatch masterGone) {
        Thread watcher = new Thread(() -> {
            try {
                while (!masterGone.await(MASTER_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (!ProcessHandle.of(masterPid).map(ProcessHandle::isAlive).orElse(false)) {
                        masterGone.countDown();
                    }
                }
            } catch (InterruptedException e) {
                masterGone.countDown();
            }
        }, "cpy2j-master-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void exit() {
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE_MILLIS);
            } catch (InterruptedException e) {
                // halt now
            }
            Runtime.getRuntime().halt(0);
        }, "cpy2j-halt");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
