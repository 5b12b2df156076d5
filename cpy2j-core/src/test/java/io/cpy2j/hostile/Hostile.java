package io.cpy2j.hostile;

import io.cpy2j.function.TwinSupplier;
import io.cpy2j.internal.object.TwinProxy;
import io.cpy2j.internal.twin.ThisRuntime;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What subverted code in a twin might do to its master: run in the twin by the test's master, each
 * function attacks it one way, through the twin's own cpy2j internals or by writing straight to the
 * channel (the twin's file descriptor 1, which its {@code System.out} no longer is).
 */
public final class Hostile {

    private Hostile() {
    }

    public static String gadgetArgument(Inbox inbox) {
        inbox.accept(new Gadget());
        return "sent";
    }

    public static Object gadgetResult() {
        return new Gadget();
    }

    public static Object gadgetRecord() {
        return new GadgetRecord("calc.exe");
    }

    public static String throwGadgetException() {
        throw new GadgetException("thrown in the twin");
    }

    public static String throwJdkException() {
        throw new IllegalStateException("a JDK exception");
    }

    /** Asks the master to run a function of the twin's choosing. */
    public static Object executeInMaster() {
        TwinSupplier<Object, RuntimeException> payload = () -> {
            GadgetLog.RAN_IN_MASTER.set(true);
            return "ran";
        };
        return ThisRuntime.master().execute(payload);
    }

    /** Calls an object id the master never gave it. */
    public static Object forgedId() throws NoSuchMethodException {
        return ThisRuntime.master().invoke(987_654_321L, Object.class.getMethod("toString"), new Object[0]);
    }

    /** Calls a real exported object, naming a method of another class: {@code System.exit}. */
    public static Object foreignMethod(Inbox inbox) throws NoSuchMethodException {
        long id = ((TwinProxy) inbox).cpy2jRemote().id();
        return ThisRuntime.master().invoke(id, System.class.getMethod("exit", int.class), new Object[] {0});
    }

    /** Calls a method of the exported object's class that is not part of {@link Inbox}: by its name. */
    public static Object hiddenMethod(Inbox inbox, String name) throws NoSuchMethodException {
        long id = ((TwinProxy) inbox).cpy2jRemote().id();
        Method method = name.equals("getClass") ? Object.class.getMethod(name)
                : RecordingInbox.class.getDeclaredMethod(name);
        return ThisRuntime.master().invoke(id, method, new Object[0]);
    }

    /** A frame header claiming 2 GiB. */
    public static String hugeFrame() throws IOException {
        raw(ByteBuffer.allocate(8).putInt(Integer.MAX_VALUE).putInt(0).array());
        return "sent";
    }

    /** Half a frame, then the twin ends. */
    public static String truncatedFrame() throws IOException {
        byte[] frame = ByteBuffer.allocate(4 + 20).putInt(1000).put((byte) 2).putLong(1).putLong(0).array();
        raw(frame);
        Runtime.getRuntime().halt(0);
        return "unreachable";
    }

    /** Random bytes into the channel until the master cuts it (at most 30 s). */
    public static String randomBytes(long seed) {
        Random random = new Random(seed);
        byte[] chunk = new byte[64 * 1024];
        long end = System.nanoTime() + 30_000_000_000L;
        try {
            while (System.nanoTime() < end) {
                random.nextBytes(chunk);
                raw(chunk);
            }
        } catch (IOException e) {
            return "cut off";
        }
        return "never cut off";
    }

    /** {@code threads} of the twin's own calling the master's slow method at once. */
    public static String flood(Inbox inbox, int threads) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                try {
                    inbox.slow();
                } catch (RuntimeException e) {
                    // cut off: expected
                }
            });
            thread.start();
            started.add(thread);
        }
        for (Thread thread : started) {
            thread.join(30_000);
        }
        return "flooded";
    }

    private static void raw(byte[] bytes) throws IOException {
        FileOutputStream channel = new FileOutputStream(FileDescriptor.out);
        channel.write(bytes);
        channel.flush();
    }
}
