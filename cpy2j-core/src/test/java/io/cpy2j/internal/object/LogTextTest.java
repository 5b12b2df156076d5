package io.cpy2j.internal.object;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void aLineBreakCannotStartAForgedLogLine() {
        assertThat(LogText.oneLine("a value names com.evil.X\n12:00:00.000 INFO all is well\r\t"))
                .isEqualTo("a value names com.evil.X?12:00:00.000 INFO all is well??");
        assertThat(LogText.oneLine("a\u0085b\u2028c\u2029d")).isEqualTo("a?b?c?d");
        assertThat(LogText.oneLine("Eclipse Adoptium, ünïcødé")).isEqualTo("Eclipse Adoptium, ünïcødé");
        assertThat(LogText.oneLine(null)).isNull();
    }
}
