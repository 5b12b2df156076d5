package io.cpy2j.internal.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which header values a twin puts into its MDC: as sent, or read out of a trace context header. */
class MdcHeadersTest {

    @Test
    void aHeaderOfThatNameIsTakenAsItIs() {
        assertThat(MdcHeaders.valueOf(Map.of("tenant", "acme"), "tenant")).isEqualTo("acme");
        assertThat(MdcHeaders.valueOf(Map.of("traceId", "abc", "traceparent", "00-x-y-01"), "traceId")).isEqualTo("abc");
    }

    @Test
    void traceAndSpanIdsAreReadOutOfAW3cTraceparent() {
        Map<String, String> headers = Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(MdcHeaders.valueOf(headers, "traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MdcHeaders.valueOf(headers, "spanId")).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void traceAndSpanIdsAreReadOutOfAB3Header() {
        Map<String, String> headers = Map.of("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");
        assertThat(MdcHeaders.valueOf(headers, "traceId")).isEqualTo("80f198ee56343ba864fe8b2a57d3eff7");
        assertThat(MdcHeaders.valueOf(headers, "spanId")).isEqualTo("e457b5a2e4d86bd1");
    }

    @Test
    void nothingWithoutSuchHeaders() {
        assertThat(MdcHeaders.valueOf(Map.of(), "traceId")).isNull();
        assertThat(MdcHeaders.valueOf(Map.of("traceparent", "garbage"), "traceId")).isNull();
    }
}
