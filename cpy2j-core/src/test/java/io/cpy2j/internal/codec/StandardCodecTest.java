package io.cpy2j.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.TwinSerializationException;
import io.cpy2j.fixtures.Values.Colour;
import io.cpy2j.fixtures.Values.Order;
import io.cpy2j.fixtures.Values.Point;
import io.cpy2j.fixtures.Values.Shape;
import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.internal.object.TwinProxy;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec between two object spaces in one JVM: values cross as equal copies of the same type,
 * twin objects as references with identity, and a message's receipt confirms its functions when
 * delivered and gives back its exports when never sent. Needs no twin, so it runs on any JDK.
 */
class StandardCodecTest {

    private final InProcessPeers peers = new InProcessPeers();

    static Stream<Object> values() {
        Order order = new Order("o-1", new Point(1, 2));
        order.lines().add(3L);
        return Stream.of(42, 42L, (short) 4, (byte) 5, 'c', 1.5f, 2.5d, true, "text ünïcødé", new BigDecimal("12.34"),
                UUID.randomUUID(), new int[] {1, 2}, new byte[] {1, 2}, new long[][] {{1}, {2, 3}},
                new ArrayList<>(List.of(1L, "mixed", 2.0)), new LinkedHashSet<>(List.of("x", "y")),
                new HashMap<>(Map.of("k", List.of(1L))), new TreeMap<>(Map.of(2, "b", 1, "a")), new Point(3, 4),
                Colour.GREEN, new Shape("s", List.of(new Point(0, 0)), Map.of("w", 3L), Colour.RED,
                        Optional.of(LocalDate.of(2026, 11, 22))),
                order, Optional.of("present"), Optional.empty(), Instant.parse("2026-11-22T01:02:03.456789Z"),
                Duration.ofMillis(1500), ZonedDateTime.parse("2026-11-22T10:15:30+01:00[Europe/Paris]"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void eachKindOfValueArrivesAsAnEqualCopyOfTheSameType(Object value) {
        Object received = peers.a.send(value);
        assertThat(received).hasSameClassAs(value);
        assertThat(Arrays.deepEquals(new Object[] {received}, new Object[] {value})).isTrue();
    }

    @Test
    void aTwinObjectArrivesAsOneProxyAndComesHomeAsItself() {
        SuperComputer original = new SuperComputer(7);
        Object proxy = peers.a.send(original);
        assertThat(proxy).isInstanceOf(TwinProxy.class).isInstanceOf(SuperComputer.class);
        assertThat(peers.a.send(List.of(original))).asInstanceOf(InstanceOfAssertFactories.LIST)
                .singleElement().isSameAs(proxy);
        assertThat(peers.b.send(proxy)).isSameAs(original);
        ((SuperComputer) proxy).setName("set through the proxy");
        assertThat(original.getName()).isEqualTo("set through the proxy");
    }

    @Test
    void aMessageOfPlainValuesHasNothingToSettle() {
        peers.a.write(List.of(1L, "two", new Point(3, 3)));
        assertThat(peers.a.codec.takeReceipt()).isSameAs(Codec.Receipt.NONE);
    }

    @Test
    void aMessageThatIsNeverSentGivesBackWhatItExported() {
        int baseline = peers.a.space.exportedCount();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(message);
        assertThatThrownBy(() -> {
            peers.a.codec.writeValue(out, new SuperComputer(1), () -> "argument 1");
            peers.a.codec.writeValue(out, List.of(new SuperComputer(2), "nested"), () -> "argument 2");
            peers.a.codec.writeValue(out, new Thread(), () -> "argument 3");
        }).isInstanceOf(TwinSerializationException.class).hasMessageContaining("argument 3");
        assertThat(peers.a.space.exportedCount()).isEqualTo(baseline + 2);
        peers.a.codec.takeReceipt().notSent();
        assertThat(peers.a.space.exportedCount()).isEqualTo(baseline);
    }

    @Test
    void aDeliveredMessageKeepsItsExportsUntilThePeerReleasesThem() {
        // send() settles the receipt as delivered: the peer holds the reference now
        SuperComputer original = new SuperComputer(1);
        Object proxy = peers.a.send(original);
        assertThat(peers.a.space.exportedCount()).isOne();
        peers.a.space.released(((TwinProxy) proxy).cpy2jRemote().id(), 1);
        assertThat(peers.a.space.exportedCount()).isZero();
    }

    @Test
    void aFunctionIsSentInFullUntilAMessageCarryingItIsDelivered() {
        TwinFunction<Integer, Integer, RuntimeException> next = x -> x + 1;
        byte[] full = peers.a.write(next);
        peers.a.codec.takeReceipt().notSent(); // never left: the peer does not know it yet
        assertThat(peers.a.write(next)).isEqualTo(full);
        peers.a.codec.takeReceipt().delivered();
        byte[] byNumber = peers.a.write(next);
        peers.a.codec.takeReceipt();
        assertThat(byNumber.length).isLessThan(full.length);
        apply(peers.b.read(full));
        assertThat(apply(peers.b.read(byNumber))).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private static int apply(Object function) {
        return ((TwinFunction<Integer, Integer, RuntimeException>) function).apply(1);
    }

    @Test
    void valuesNestedToTheLimitCrossAndDeeperOnesAreRefusedBySender() {
        Object deepest = nestedOptionals(StandardCodec.MAX_DEPTH);
        assertThat(peers.a.send(deepest)).isEqualTo(deepest);
        assertThatThrownBy(() -> peers.a.send(nestedOptionals(StandardCodec.MAX_DEPTH + 1)))
                .isInstanceOf(TwinSerializationException.class).hasMessageContaining("nest more than 512 deep");
    }

    /** A function that captures nothing is no level of its own, for the sender as for the reader. */
    @Test
    void aFunctionAtTheDeepestLevelStillCrosses() {
        TwinFunction<Integer, Integer, RuntimeException> increment = x -> x + 1;
        Object received = peers.a.send(nestedOptionals(StandardCodec.MAX_DEPTH, increment));
        for (int i = 0; i < StandardCodec.MAX_DEPTH; i++) {
            received = ((Optional<?>) received).orElseThrow();
        }
        assertThat(apply(received)).isEqualTo(2);
    }

    /** A peer nesting optionals a hundred thousand deep gets a decoding error, not a StackOverflowError. */
    @Test
    void aValueNestedDeeperThanAnyStackIsACorruptValue() {
        byte[] bytes = new byte[100_001];
        Arrays.fill(bytes, Tag.OPTIONAL);
        bytes[bytes.length - 1] = Tag.NULL;
        StandardCodec codec = new StandardCodec(null);

        assertThatThrownBy(() -> codec.readValue(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("nested more than 512 deep");
    }

    private static Object nestedOptionals(int depth) {
        return nestedOptionals(depth, "core");
    }

    private static Object nestedOptionals(int depth, Object core) {
        Object value = core;
        for (int i = 0; i < depth; i++) {
            value = Optional.of(value);
        }
        return value;
    }
}
