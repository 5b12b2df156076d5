package io.cpy2j.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.RemoteTwinException;
import io.cpy2j.function.TwinFunction;
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
            Trust.restricted(List.of("com.acme", "io.cpy2j.internal.codec.trusted"), breaches::add)));

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

    @Test
    void aGenericTypeIdCannotSmuggleAClassInAsItsParameter() {
        byte[] bytes = json("[\"java.util.ArrayList<" + InitGadget.class.getName() + ">\",[]]");
        assertThatThrownBy(() -> restricted.readValue(input(bytes))).isInstanceOf(Exception.class);
        assertThat(InitGadget.Flag.INITIALISED).as("the parameter's class was initialised").isFalse();
        assertThat(breaches).anySatisfy(breach -> assertThat(breach).contains(InitGadget.class.getName()));
    }

    @Test
    void aClassTypedFieldCannotNameAnUntrustedClass() {
        byte[] bytes = json("[\"io.cpy2j.internal.codec.trusted.TypeHolder\",{\"type\":\"" + InitGadget.class.getName()
                + "\"}]");
        assertThatThrownBy(() -> restricted.readValue(input(bytes))).isInstanceOf(Exception.class);
        assertThat(InitGadget.Flag.INITIALISED).isFalse();
        assertThat(breaches).anySatisfy(breach -> assertThat(breach).contains(InitGadget.class.getName()));
    }

    @Test
    void everNewTypeIdsAreABreachPastTheLimit() {
        List<String> types = List.of("java.lang.String", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
                "java.lang.Boolean", "java.math.BigDecimal", "java.util.UUID", "java.time.LocalDate",
                "java.time.Instant", "java.time.Duration", "java.lang.Short", "java.lang.Byte");
        StringBuilder values = new StringBuilder("[\"java.util.ArrayList\",[");
        int count = 0;
        for (String map : List.of("java.util.HashMap", "java.util.TreeMap", "java.util.LinkedHashMap")) {
            for (String key : types) {
                for (String value : types) {
                    for (String list : List.of("java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque")) {
                        values.append(count++ == 0 ? "" : ",").append("[\"").append(map).append('<').append(key)
                                .append(',').append(list).append('<').append(value).append(">>\",{}]");
                    }
                }
            }
        }
        byte[] bytes = json(values.append("]]").toString());
        assertThat(count).isGreaterThan(JacksonValues.MAX_TYPE_IDS);
        assertThatThrownBy(() -> restricted.readValue(input(bytes))).isInstanceOf(Exception.class);
        assertThat(breaches).anySatisfy(breach -> assertThat(breach).contains("distinct types"));
    }

    @Test
    void aCauseChainThatLoopsEndsWhenRebuilt() throws IOException {
        RemoteTwinException a = new RemoteTwinException("java.lang.IllegalStateException", "a");
        RemoteTwinException b = new RemoteTwinException("java.lang.IllegalArgumentException", "b");
        a.initCause(b);
        b.initCause(a);
        assertThat(restricted.readThrowable(input(standInOnly(a)))).isInstanceOf(IllegalStateException.class)
                .hasMessage("a");
    }

    /** Anything walking a stand-in's causes (an exception resolver, a logger) must come to an end. */
    @Test
    void aStandInWhoseCausesLoopArrivesAsAChainThatEnds() throws IOException {
        RemoteTwinException a = new RemoteTwinException("com.evil.A", "a");
        RemoteTwinException b = new RemoteTwinException("com.evil.B", "b");
        a.initCause(b);
        b.initCause(a);
        a.addSuppressed(b);

        Throwable read = restricted.readThrowable(input(standInOnly(a)));

        assertThat(read).isInstanceOf(RemoteTwinException.class).hasMessage("com.evil.A: a");
        assertThat(read.getSuppressed()).isEmpty();
        int length = 0;
        for (Throwable t = read; t != null; t = t.getCause()) {
            assertThat(++length).as("the cause chain's length").isLessThanOrEqualTo(21);
        }
        assertThat(read.getCause()).hasMessage("com.evil.B: b");
    }

    /** cpy2j's own exceptions come back as themselves; one whose constructor set its cause keeps the chain. */
    @Test
    void cpy2jsOwnExceptionsAreRebuiltWithTheirCauses() throws IOException {
        assertThat(restricted.readThrowable(input(throwable(new io.cpy2j.TwinSerializationException("too big")))))
                .isExactlyInstanceOf(io.cpy2j.TwinSerializationException.class).hasMessage("too big");
        Throwable startup = restricted.readThrowable(input(throwable(
                new io.cpy2j.TwinStartupException("no start", new IllegalStateException("why")))));
        assertThat(startup.getCause()).as("the cause").isNotNull().hasMessageContaining("why");
        assertThat(breaches).isEmpty();
    }

    /** Function ids are the peer's to choose: a restricted one may not fill memory with definitions. */
    @Test
    void aRestrictedPeerDefiningFunctionsWithoutEndIsABreach() throws IOException {
        StandardCodec trustingThisPackage = new StandardCodec(new ObjectSpace(new NoPeer(),
                Trust.restricted(List.of(getClass().getPackageName()), breaches::add)));
        TwinFunction<Integer, Integer, RuntimeException> increment = x -> x + 1;
        byte[] definition = write(increment); // FUNCTION tag, its id, then its definition
        for (int id = 1; id <= FunctionCache.MAX_RESTRICTED; id++) {
            java.nio.ByteBuffer.wrap(definition).putInt(1, id);
            assertThat(trustingThisPackage.readValue(input(definition))).isInstanceOf(TwinFunction.class);
        }
        assertThat(breaches).isEmpty();

        java.nio.ByteBuffer.wrap(definition).putInt(1, FunctionCache.MAX_RESTRICTED + 1);
        assertThatThrownBy(() -> trustingThisPackage.readValue(input(definition)))
                .hasMessageContaining("more than 1024 functions");
        assertThat(breaches).hasSize(1);
    }

    private static byte[] standInOnly(Throwable standIn) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0); // no original
        byte[] serialized = JavaSerialization.write(standIn);
        out.writeInt(serialized.length);
        out.write(serialized);
        return bytes.toByteArray();
    }

    private static byte[] json(String json) {
        byte[] text = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(Tag.JSON);
        bytes.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(text.length).array());
        bytes.writeBytes(text);
        return bytes.toByteArray();
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
