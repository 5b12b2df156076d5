package io.cpy2j.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.RemoteTwinException;
import io.cpy2j.internal.object.ObjectSpace;
import io.cpy2j.internal.object.Peer;
import io.cpy2j.internal.object.Trust;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A restricted peer's values are decoded by their own rules, whatever this runtime decoded before: a
 * type read from a fully trusted peer is not thereby admitted, and an exception's original is not read.
 */
class RestrictedDecodingTest {

    /** Not in a trusted package: a restricted peer may not name it. */
    public static final class Untrusted {
        private String text = "x";
    }

    public record UntrustedRecord(int n) {
    }

    private final List<String> breaches = new ArrayList<>();
    private final StandardCodec full = new StandardCodec(null);
    private final StandardCodec restricted = new StandardCodec(new ObjectSpace(new NoPeer(),
            Trust.restricted(List.of("com.acme"), breaches::add)));

    @Test
    void aTypeOnceReadFromATrustedPeerIsStillRefusedFromARestrictedOne() throws IOException {
        byte[] bytes = write(new ArrayList<>(List.of(new Untrusted())));
        assertThat(full.readValue(input(bytes))).asList().first().isInstanceOf(Untrusted.class);

        assertThatThrownBy(() -> restricted.readValue(input(bytes))).hasMessageContaining(Untrusted.class.getName());
        assertThat(breaches).singleElement().asString().contains(Untrusted.class.getName());
    }

    @Test
    void jdkValuesAreRead() throws IOException {
        Object value = Map.of("k", List.of(1L, "two"));
        assertThat(restricted.readValue(input(write(value)))).isEqualTo(value);
        assertThat(breaches).isEmpty();
    }

    @Test
    void aRecordOfAnUntrustedClassIsABreach() throws IOException {
        byte[] bytes = write(new UntrustedRecord(1));
        assertThatThrownBy(() -> restricted.readValue(input(bytes))).hasMessageContaining("a record names");
        assertThat(breaches).hasSize(1);
    }

    @Test
    void anExceptionArrivesAsAStandInOrAJdkTypeWithoutItsOriginal() throws IOException {
        assertThat(restricted.readThrowable(input(throwable(new UntrustedException("boom")))))
                .isInstanceOf(RemoteTwinException.class).hasMessageContaining(UntrustedException.class.getName())
                .hasMessageContaining("boom");
        assertThat(restricted.readThrowable(input(throwable(new IllegalStateException("jdk", new RuntimeException("cause"))))))
                .isExactlyInstanceOf(IllegalStateException.class).hasMessage("jdk").hasCauseInstanceOf(RuntimeException.class);
        assertThat(breaches).isEmpty();
    }

    /** Its original would be read with full trust: the class is on this side's classpath. */
    public static final class UntrustedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UntrustedException(String message) {
            super(message);
        }
    }

    private byte[] write(Object value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        full.writeValue(new DataOutputStream(bytes), value, () -> "a test value");
        return bytes.toByteArray();
    }

    private byte[] throwable(Throwable error) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        full.writeThrowable(new DataOutputStream(bytes), error, 1 << 20);
        return bytes.toByteArray();
    }

    private static DataInputStream input(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static final class NoPeer implements Peer {
        @Override
        public Object invoke(long id, Method method, Object[] args) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Object> submit(Object function, Object... args) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void release(long[] ids, long[] counts) {
        }

        @Override
        public RuntimeException closedWith() {
            return null;
        }

        @Override
        public String remoteId() {
            return "restricted";
        }
    }
}
