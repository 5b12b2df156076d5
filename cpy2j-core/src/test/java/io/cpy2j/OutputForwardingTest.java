package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.cpy2j.fixtures.Functions;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What user code and the JVM print in a twin reaches the master's log and never corrupts the channel. */
class OutputForwardingTest {

    static final Queue<String> LINES = new ConcurrentLinkedQueue<>();
    static final AppenderBase<ILoggingEvent> LOG = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            LINES.add(event.getFormattedMessage());
        }
    };
    static TwinMaster twin;

    @BeforeAll
    static void start() {
        Logger logger = (Logger) LoggerFactory.getLogger("io.cpy2j.twin.chatty");
        LOG.start();
        logger.addAppender(LOG);
        twin = TwinMaster.builder("chatty").jvmArgs("-verbose:gc", "-Xlog:safepoint").build().start();
    }

    @AfterAll
    static void stop() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void systemOutAndSystemErrOfUserCodeReachTheMasterLogLineByLine() throws Exception {
        String result = twin.execute(() -> {
            System.out.println("hello from stdout");
            System.out.print("partial ");
            System.out.println("line");
            System.err.println("hello from stderr");
            for (int i = 0; i < 2000; i++) {
                System.out.println("noise " + i + " \0\0\0\1 binary-looking");
            }
            System.gc(); // with -verbose:gc the JVM logs too
            return "channel intact";
        });
        assertThat(result).isEqualTo("channel intact");
        assertThat(twin.execute(Functions::sumRange, 10L)).isEqualTo(45L);
        List<String> lines = awaitLines("noise 1999");
        assertThat(lines).contains("[chatty] hello from stdout", "[chatty] partial line", "[chatty] hello from stderr");
        assertThat(lines).anyMatch(line -> line.contains("gc"));
    }

    private static List<String> awaitLines(String last) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            List<String> lines = List.copyOf(LINES);
            if (lines.stream().anyMatch(l -> l.contains(last))) {
                return lines;
            }
            Thread.sleep(20);
        }
        return List.copyOf(LINES);
    }
}
