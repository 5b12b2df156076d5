package io.cpy2j.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.TwinProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolTest {

    @Test
    void framesRoundTripWithIdsAndNesting() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FrameWriter(bytes).write(Protocol.KIND_REQUEST, 7, 3, "body".getBytes(StandardCharsets.UTF_8), 4);
        Frame frame = new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), 1024).read();
        assertThat(frame.kind()).isEqualTo(Protocol.KIND_REQUEST);
        assertThat(frame.id()).isEqualTo(7);
        assertThat(frame.nestedIn()).isEqualTo(3);
        assertThat(new String(frame.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("body");
    }

    @Test
    void aFrameOverTheLimitIsRefusedAsNotOurProtocol() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FrameWriter(bytes).write(Protocol.KIND_REQUEST, 1, 0, new byte[2000], 2000);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), 1024);
        assertThatThrownBy(reader::read).isInstanceOf(TwinProtocolException.class).hasMessageContaining("limit 1024");
    }

    @Test
    void textPrintedBeforeTheMagicIsSkippedAndReturned() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Picked up JAVA_TOOL_OPTIONS\n\0CP".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(Protocol.MAGIC);
        FrameReader reader = new FrameReader(new ByteArrayInputStream(bytes.toByteArray()), 1024);
        assertThat(reader.skipToMagic(1000)).isEqualTo("Picked up JAVA_TOOL_OPTIONS\n\0CP");
    }

    @Test
    void endOfStreamIsReportedAsSuch() {
        FrameReader reader = new FrameReader(new ByteArrayInputStream(new byte[] {0, 0}), 1024);
        assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
    }

    @Test
    void aHandshakeOfAnotherProtocolVersionIsRefusedWithAClearMessage() throws IOException {
        Handshake other = new Handshake(Protocol.VERSION + 1, "jdk25", 1, "25", "x", "/x");
        Handshake received = Handshake.decode(new java.io.DataInputStream(new ByteArrayInputStream(other.encode())));
        assertThatThrownBy(() -> received.verify("jdk25"))
                .isInstanceOf(TwinProtocolException.class)
                .hasMessageContaining("speaks cpy2j protocol " + (Protocol.VERSION + 1))
                .hasMessageContaining("same cpy2j-core jar");
    }

    @Test
    void aHandshakeRoundTripsAndNamesTheTwin() throws IOException {
        Handshake mine = Handshake.ofThisRuntime("t1");
        Handshake back = Handshake.decode(new java.io.DataInputStream(new ByteArrayInputStream(mine.encode())));
        assertThat(back).isEqualTo(mine);
        assertThatThrownBy(() -> back.verify("t2")).hasMessageContaining("expected twin 't2' but 't1' answered");
    }
}
