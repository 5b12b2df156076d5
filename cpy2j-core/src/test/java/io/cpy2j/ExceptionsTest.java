package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cpy2j.fixtures.Throwers;
import io.cpy2j.support.TestJdks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exceptions thrown in a twin surface in the caller with their own type, message and both stacks. */
class ExceptionsTest {

    @TempDir
    static Path twinOnlyClasses;
    static TwinMaster twin;

    @BeforeAll
    static void startTwin() throws Exception {
        TestJdks.requireTwinJdk();
        compileTwinOnlyException(twinOnlyClasses);
        twin = TwinMaster.builder("errors-other").javaVersion(TestJdks.TWIN_VERSION)
                .classpath(twinOnlyClasses.toString()).build().start();
    }

    @AfterAll
    static void stopTwin() {
        if (twin != null) {
            twin.close();
        }
    }

    @Test
    void anUncheckedExceptionKeepsItsTypeAndMessage() {
        assertThatThrownBy(() -> twin.execute(Throwers::unchecked, "boom"))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("boom");
    }

    @Test
    void aCheckedExceptionStaysCheckedForTheCaller() {
        String caught;
        try {
            twin.execute(Throwers::checked, "/etc/x");
            caught = "nothing";
        } catch (IOException e) { // compiles only because execute declares the function's IOException
            caught = e.getMessage();
        }
        assertThat(caught).isEqualTo("cannot read /etc/x");
    }

    @Test
    void theStackTraceShowsTheTwinsFramesThenTheCallersFrames() {
        Throwable error = catchThrowable(() -> twin.execute(Throwers::unchecked, "where"));
        List<String> frames = Arrays.stream(error.getStackTrace()).map(f -> f.getClassName() + "." + f.getMethodName())
                .toList();
        int remote = frames.indexOf(Throwers.class.getName() + ".unchecked");
        int marker = frames.indexOf("cpy2j.call");
        int local = frames.indexOf(getClass().getName() + ".lambda$theStackTraceShowsTheTwinsFramesThenTheCallersFrames$2");
        assertThat(remote).isNotNegative();
        assertThat(marker).isGreaterThan(remote);
        assertThat(error.getStackTrace()[marker].getFileName()).contains("errors-other");
        assertThat(frames.subList(marker, frames.size())).anyMatch(f -> f.startsWith(getClass().getName()));
    }

    @Test
    void theCauseChainCrossesToo() {
        Throwable error = catchThrowable(() -> twin.execute(Throwers::withCause, "inner"));
        assertThat(error).isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("wrapped");
        assertThat(error.getCause()).isExactlyInstanceOf(IOException.class).hasMessage("cannot read inner");
    }

    @Test
    void anExceptionThatCannotBeSerializedIsRebuiltFromItsTypeAndMessage() {
        assertThatThrownBy(() -> twin.execute(Throwers::custom, 7))
                .isExactlyInstanceOf(Throwers.AppException.class)
                .hasMessage("failed with code 7");
    }

    @Test
    void anExceptionWhoseClassExistsOnlyInTheTwinBecomesARemoteTwinException() {
        Throwable error = catchThrowable(() -> twin.execute(() -> {
            Class<?> type = Class.forName("twinonly.OnlyHereException");
            throw (RuntimeException) type.getConstructor(String.class).newInstance("only in the twin");
        }));
        assertThat(error).isInstanceOf(RemoteTwinException.class)
                .hasMessage("twinonly.OnlyHereException: only in the twin");
        assertThat(((RemoteTwinException) error).remoteType()).isEqualTo("twinonly.OnlyHereException");
    }

    private static void compileTwinOnlyException(Path dir) throws IOException {
        Path source = dir.resolve("twinonly/OnlyHereException.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package twinonly; public class OnlyHereException extends RuntimeException {"
                + " public OnlyHereException(String m) { super(m); } }");
        // release 17, the oldest JDK a twin runs on: a twin on 17 loads it also when the master compiles on 25
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", source.toString());
        assertThat(status).isZero();
    }
}
