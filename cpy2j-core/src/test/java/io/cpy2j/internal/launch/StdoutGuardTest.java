package io.cpy2j.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StdoutGuardTest {

    @Test
    void loggingFlagsThatWouldWriteToStdoutWriteToStderr() {
        assertThat(StdoutGuard.redirect("-verbose:gc")).isEqualTo("-Xlog:gc:stderr");
        assertThat(StdoutGuard.redirect("-Xlog:gc*")).isEqualTo("-Xlog:gc*:stderr");
        assertThat(StdoutGuard.redirect("-Xlog:gc:stdout:uptime")).isEqualTo("-Xlog:gc:stderr:uptime");
        assertThat(StdoutGuard.redirect("-Xlog:gc::uptime")).isEqualTo("-Xlog:gc:stderr:uptime");
    }

    @Test
    void otherFlagsAndExplicitFilesAreKept() {
        assertThat(StdoutGuard.redirect("-Xmx1g")).isEqualTo("-Xmx1g");
        assertThat(StdoutGuard.redirect("-Xlog:gc:file=gc.log")).isEqualTo("-Xlog:gc:file=gc.log");
        assertThat(StdoutGuard.redirect("-Xlog:disable")).isEqualTo("-Xlog:disable");
    }
}
