package io.cpy2j.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/** CPY2J_DEBUG lines go through SLF4J when it has a provider (logback, here) and to stderr otherwise. */
class CallLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(CallLog.LOGGER);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    private final List<String> stderr = new ArrayList<>();
    private Level configured;
    private boolean additive;

    @BeforeEach
    void captureTheLogger() {
        configured = logger.getLevel();
        additive = logger.isAdditive();
        logger.setAdditive(false); // keeps the lines out of the build's console
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void restoreTheLogger() {
        logger.detachAppender(events);
        logger.setLevel(configured);
        logger.setAdditive(additive);
    }

    @Test
    void withAProviderALineIsADebugEventOfTheCallsLogger() {
        logger.setLevel(Level.DEBUG);
        CallLog.debug("master", "jdk25", "call execute Functions::sumRange (1 arguments)");
        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.DEBUG);
            assertThat(event.getFormattedMessage()).isEqualTo("master->jdk25 call execute Functions::sumRange "
                    + "(1 arguments)");
        });
    }

    @Test
    void atTraceTheLinesAreTraceEvents() {
        logger.setLevel(Level.TRACE);
        sink(true).accept("master->jdk25 call execute f [1]");
        assertThat(events.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.TRACE);
        assertThat(stderr).isEmpty();
    }

    @Test
    void aLoggerThatDropsTheLinesGetsOneHintInstead() {
        logger.setLevel(Level.INFO);
        Consumer<String> sink = sink(false);
        sink.accept("master->jdk25 call one");
        sink.accept("master->jdk25 call two");
        assertThat(events.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("CPY2J_DEBUG=DEBUG", "logging.level.io.cpy2j.calls=DEBUG");
        });
    }

    @Test
    void withoutAProviderTheLinesGoToStderr() {
        CallLog.sink(new NOPLoggerFactory(), false, stderr::add).accept("master->jdk25 call execute f");
        CallLog.sink(new NOPLoggerFactory(), true, stderr::add).accept("master->jdk25 call execute g [1]");
        assertThat(stderr).containsExactly("[cpy2j DEBUG] master->jdk25 call execute f",
                "[cpy2j TRACE] master->jdk25 call execute g [1]");
        assertThat(events.list).isEmpty();
    }

    private Consumer<String> sink(boolean trace) {
        return CallLog.sink(LoggerFactory.getILoggerFactory(), trace, stderr::add);
    }
}
