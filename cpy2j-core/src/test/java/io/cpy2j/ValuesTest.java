package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.Values;
import io.cpy2j.fixtures.Values.Colour;
import io.cpy2j.fixtures.Values.Order;
import io.cpy2j.fixtures.Values.Point;
import io.cpy2j.fixtures.Values.Shape;
import io.cpy2j.fixtures.Values.Upload;
import io.cpy2j.function.TwinFunction;
import io.cpy2j.support.TwinExtension;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Everything a user can reasonably pass crosses by value: an equal copy of the same type. */
class ValuesTest {

    @RegisterExtension
    static final TwinExtension TWIN = new TwinExtension("values25");
    static TwinMaster twin;

    @BeforeAll
    static void twin() {
        twin = TWIN.master();
    }


    static Stream<Object> values() {
        Order order = new Order("o-1", new Values.Point(1, 2));
        order.lines().add(3L);
        order.lines().add("three");
        return Stream.of(42, 42L, (short) 4, (byte) 5, 'c', 1.5f, 2.5d, true, "text ünïcødé",
                new BigDecimal("12.34"), UUID.randomUUID(),
                new int[] {1, 2, 3}, new byte[] {1, 2, 3}, new String[] {"a", "b"}, new long[][] {{1}, {2, 3}},
                new ArrayList<>(List.of(1L, "mixed", 2.0)), new LinkedHashSet<>(List.of("x", "y")),
                new HashMap<>(Map.of("k", List.of(1L))), new TreeMap<>(Map.of("b", 2, "a", 1)),
                new Point(3, 4), Colour.GREEN,
                new Shape("tri", List.of(new Point(0, 0), new Point(1, 1)), Map.of("weight", 3L), Colour.RED,
                        Optional.of(LocalDate.of(2026, 11, 22))),
                order, Optional.of("present"), Optional.empty(),
                LocalDate.of(2020, 2, 29), Instant.parse("2026-11-22T01:02:03.456789Z"), Duration.ofMillis(1500),
                ZonedDateTime.parse("2026-11-22T10:15:30+01:00[Europe/Paris]"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void eachKindOfValueRoundTripsAsAnEqualCopyOfTheSameType(Object value) {
        Object back = twin.execute((Object v) -> v, value);
        assertThat(back).isNotNull().hasSameClassAs(value);
        if (value.getClass().isArray()) {
            assertThat(Arrays.deepEquals(new Object[] {back}, new Object[] {value})).isTrue();
        } else {
            assertThat(back).isEqualTo(value);
        }
    }

    @Test
    void immutableJdkCollectionsArriveAsEqualStandardCollections() {
        assertThat(twin.execute((Object v) -> v, List.of(1, 2))).isInstanceOf(List.class).isEqualTo(List.of(1, 2));
        assertThat(twin.execute((Object v) -> v, Map.of("k", 1L))).isInstanceOf(Map.class).isEqualTo(Map.of("k", 1L));
    }

    @Test
    void mapKeysArriveAsThemselvesInTheTwin() {
        Map<Integer, Point> byId = new HashMap<>(Map.of(1, new Point(1, 2)));
        assertThat(twin.execute((Map<Integer, Point> m) -> keyTypes(m) + " " + m.get(1), byId))
                .isEqualTo("[Integer] Point[x=1, y=2]");
        Map<String, Map<Colour, LocalDate>> nested = new TreeMap<>(Map.of("k",
                new EnumMap<>(Map.of(Colour.RED, LocalDate.of(2026, 1, 2)))));
        assertThat(twin.execute((Map<String, Map<Colour, LocalDate>> m) -> keyTypes(m.get("k")), nested))
                .isEqualTo("[Colour]");
    }

    @Test
    void mapKeysComeBackFromTheTwinAsThemselves() {
        Map<Long, UUID> made = twin.execute(() -> new TreeMap<>(Map.of(5L, new UUID(1, 2), 6L, new UUID(3, 4))));
        assertThat(made).isInstanceOf(TreeMap.class).containsEntry(5L, new UUID(1, 2)).hasSize(2);
        Map<String, Map<Integer, Point>> nested = twin.execute(() -> Map.of("outer",
                new LinkedHashMap<>(Map.of(7, new Point(7, 7)))));
        assertThat(nested.get("outer")).isInstanceOf(LinkedHashMap.class).containsEntry(7, new Point(7, 7));
    }

    static String keyTypes(Map<?, ?> map) {
        return map.keySet().stream().map(k -> k.getClass().getSimpleName()).toList().toString();
    }

    @Test
    void aValueSeenInTheTwinHasTheSameTypesInside() {
        Shape shape = new Shape("s", List.of(new Point(1, 1)), Map.of("n", 7L), Colour.RED, Optional.empty());
        String types = twin.execute((Shape s) -> s.tags().get("n").getClass().getSimpleName() + " "
                + s.points().get(0).getClass().getSimpleName() + " " + s.colour().getClass().getSimpleName(), shape);
        assertThat(types).isEqualTo("Long Point Colour");
    }

    @Test
    void mutatingAnArgumentInTheTwinDoesNotChangeTheCallersObject() {
        List<String> mine = new ArrayList<>(List.of("a"));
        assertThat(twin.execute(Values::appendAndCount, mine)).isEqualTo(2);
        assertThat(mine).containsExactly("a");
        int[] numbers = {1, 2};
        int[] changed = twin.execute((int[] a) -> {
            a[0] = 99;
            return a;
        }, numbers);
        assertThat(changed).containsExactly(99, 2);
        assertThat(numbers).containsExactly(1, 2);
    }

    @Test
    void nullArgumentsAndResultsCross() {
        assertThat(twin.execute((Object v) -> v == null ? "was null" : "not", (Object) null)).isEqualTo("was null");
        assertThat(twin.execute(() -> (String) null)).isNull();
    }

    @Test
    void aSerializableLambdaCanBePassedAndReturned() {
        TwinFunction<Integer, Integer, RuntimeException> twice = x -> x * 2;
        assertThat(twin.execute((TwinFunction<Integer, Integer, RuntimeException> f) -> f.apply(21), twice))
                .isEqualTo(42);
        TwinFunction<String, String, RuntimeException> made = twin.execute(() -> (TwinFunction<String, String,
                RuntimeException>) s -> s + " made in " + Twins.currentTwinId());
        assertThat(made.apply("f")).isEqualTo("f made in master");
    }

    @Test
    void aThreadArgumentFailsBeforeSendingNamingTheArgumentAndType() {
        int callsBefore = callsServed();
        assertThatThrownBy(() -> twin.execute(ValuesTest::countCall, new Thread()))
                .isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("argument 1 of ValuesTest::countCall")
                .hasMessageContaining("java.lang.Thread");
        assertThat(callsServed()).isEqualTo(callsBefore);
    }

    @Test
    void aResourceDeepInsideAValueIsNamedByField() {
        Order order = new Order("o-2", new Upload("file", new ByteArrayInputStream(new byte[1])));
        assertThatThrownBy(() -> twin.execute((Object o, Object p) -> "never", "first", order))
                .isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("argument 2 of")
                .hasMessageContaining("field content of Upload")
                .hasMessageContaining("field owner of Order")
                .hasMessageContaining("java.io.ByteArrayInputStream");
    }

    @Test
    void aNonSerializableLambdaFailsWithAHint() {
        Supplier<String> plain = () -> "x";
        assertThatThrownBy(() -> twin.execute((Object s) -> "never", plain))
                .isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("argument 1")
                .hasMessageContaining("not Serializable");
    }

    @Test
    void aResultThatCannotBeSentFailsInTheTwinAndSaysSo() {
        assertThatThrownBy(() -> twin.execute(() -> Thread.currentThread()))
                .isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("the result of")
                .hasMessageContaining("java.lang.Thread");
    }

    static String countCall(Object ignored) {
        Integer.getInteger("cpy2j.calls", 0);
        System.setProperty("cpy2j.calls", Integer.toString(Integer.getInteger("cpy2j.calls", 0) + 1));
        return "called";
    }

    static int callsServed() {
        return twin.execute(() -> Integer.getInteger("cpy2j.calls", 0));
    }
}
