package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import io.cpy2j.support.FrozenTwinMasterMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The JVM's exit, like {@code stop()}, is bounded by the shutdown timeout plus a second. */
class ExitBoundTest {

    @Test
    void aMasterExitsInTimeWhileItsTwinIsFrozenAndACallIsBlockedWritingIntoIt() throws Exception {
        Process master = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FrozenTwinMasterMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(master.getInputStream(), StandardCharsets.UTF_8))) {
            long twinPid = Long.parseLong(awaitLine(out, "TWIN_PID ").substring("TWIN_PID ".length()));
            awaitLine(out, "EXITING");
            long exiting = System.nanoTime();
            boolean exited = master.waitFor(10, TimeUnit.SECONDS);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - exiting);
            assertThat(exited).as("the master exited").isTrue();
            // shutdown timeout 2 s, plus 1 s, plus a little for the JVM's own exit
            assertThat(tookMillis).as("exit took %d ms", tookMillis).isLessThan(3500);
            assertThat(ProcessHandle.of(twinPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        } finally {
            master.destroyForcibly();
        }
    }

    /** Reads on this thread: the child prints both lines within seconds or dies, ending the stream. */
    private static String awaitLine(BufferedReader out, String prefix) throws Exception {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("the child master ended without printing " + prefix);
    }
}
