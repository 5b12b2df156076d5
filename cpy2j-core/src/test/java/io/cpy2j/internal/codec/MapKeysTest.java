package io.cpy2j.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.TwinSerializationException;
import io.cpy2j.fixtures.Values.Colour;
import io.cpy2j.fixtures.Values.Point;
import io.cpy2j.fixtures.objects.SuperComputer;
import io.cpy2j.internal.object.TwinProxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Map keys keep their type across the codec (issue 7): JSON names are strings, and Jackson's default
 * typing types values, not names, so a {@code Map<Integer, Point>} used to arrive with String keys.
 * Runs in process through two object spaces, so it needs no twin and no other JDK.
 */
class MapKeysTest {

    private final InProcessPeers peers = new InProcessPeers();

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of(1, 2), Arguments.of(1L, 2L), Arguments.of((short) 1, (short) 2),
                Arguments.of((byte) 1, (byte) 2), Arguments.of(1.5f, 2.5f), Arguments.of(1.5d, 2.5d),
                Arguments.of(new BigDecimal("1.10"), new BigDecimal("2.20")), Arguments.of(BigInteger.ONE, BigInteger.TEN),
                Arguments.of('a', 'b'), Arguments.of(true, false), Arguments.of(Colour.RED, Colour.GREEN),
                Arguments.of(UUID.randomUUID(), UUID.randomUUID()),
                Arguments.of(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 4)),
                Arguments.of(Instant.parse("2026-01-02T03:04:05.123Z"), Instant.EPOCH),
                Arguments.of(Duration.ofSeconds(3), Duration.ofMillis(4)),
                Arguments.of(LocalDateTime.of(2026, 1, 2, 3, 4), LocalDateTime.of(2027, 1, 2, 3, 4)),
                Arguments.of(ZonedDateTime.parse("2026-11-22T10:15:30+01:00[Europe/Paris]"),
                        ZonedDateTime.parse("2026-11-22T10:15:30Z[UTC]")),
                Arguments.of(new Point(1, 2), new Point(3, 4)));
    }

    @ParameterizedTest
    @MethodSource("keys")
    void eachKindOfKeyArrivesAsItself(Object first, Object second) {
        Map<Object, Object> sent = new HashMap<>(Map.of(first, new Point(1, 1), second, 7L));
        Map<?, ?> received = (Map<?, ?>) peers.a.send(sent);
        assertThat(received).isInstanceOf(HashMap.class).isEqualTo(sent);
        assertThat(keyClasses(received)).containsOnly(first.getClass());
        assertThat(received.get(second)).isInstanceOf(Long.class);
    }

    @ParameterizedTest
    @MethodSource("keys")
    void eachKindOfKeyComesBackAsItselfNestedInAStringKeyedMap(Object first, Object second) {
        Map<String, Object> inner = new LinkedHashMap<>();
        // A TreeMap where the keys allow it: its comparisons then run on the received keys.
        inner.put("map", first instanceof Comparable ? new TreeMap<>(Map.of(first, "one")) : new HashMap<>(Map.of(first, "one")));
        inner.put("list", List.of(new HashMap<>(Map.of(second, List.of(first)))));
        Map<?, ?> received = (Map<?, ?>) peers.b.send(inner);
        assertThat(received).isEqualTo(inner);
        assertThat(keyClasses((Map<?, ?>) received.get("map"))).containsOnly(first.getClass());
        Map<?, ?> inList = (Map<?, ?>) ((List<?>) received.get("list")).get(0);
        assertThat(keyClasses(inList)).containsOnly(second.getClass());
    }

    @Test
    void mapsOfMapsKeepTheKeysOfEachLevel() {
        Map<Long, Map<Integer, Map<Character, Point>>> sent = new TreeMap<>();
        sent.put(5L, new LinkedHashMap<>(Map.of(3, new HashMap<>(Map.of('x', new Point(1, 2))))));
        Map<?, ?> received = (Map<?, ?>) peers.a.send(sent);
        assertThat(received).isInstanceOf(TreeMap.class).isEqualTo(sent);
        Map<?, ?> middle = (Map<?, ?>) received.get(5L);
        assertThat(middle).isInstanceOf(LinkedHashMap.class);
        assertThat(((Map<?, ?>) middle.get(3)).get('x')).isEqualTo(new Point(1, 2));
    }

    @Test
    void theMapTypeAndTheOrderOfALinkedHashMapAreKept() {
        Map<Integer, String> linked = new LinkedHashMap<>();
        for (int i = 20; i > 0; i--) {
            linked.put(i * 7 % 23, "v" + i);
        }
        Map<?, ?> received = (Map<?, ?>) peers.a.send(linked);
        assertThat(received).isInstanceOf(LinkedHashMap.class);
        assertThat(new ArrayList<Object>(received.keySet())).containsExactlyElementsOf(linked.keySet());
        assertThat(peers.a.send(new TreeMap<>(Map.of(2, "b", 1, "a")))).isInstanceOf(TreeMap.class);
        assertThat(peers.a.send(new ConcurrentHashMap<>(Map.of(2, "b")))).isInstanceOf(ConcurrentHashMap.class)
                .isEqualTo(Map.of(2, "b"));
        assertThat(peers.a.send(Map.of(2, "b", 3, "c"))).isEqualTo(Map.of(2, "b", 3, "c"));
    }

    @Test
    void anEnumMapArrivesAsAnEnumMap() {
        EnumMap<Colour, Integer> sent = new EnumMap<>(Colour.class);
        sent.put(Colour.GREEN, 2);
        sent.put(Colour.RED, 1);
        Object received = peers.a.send(sent);
        assertThat(received).isInstanceOf(EnumMap.class).isEqualTo(sent);
    }

    @Test
    void mixedNullAndPlaceholderLikeKeysArriveAsThemselves() {
        Map<Object, Object> sent = new HashMap<>();
        sent.put("text", 1);
        sent.put(2, "two");
        sent.put(null, "null key");
        sent.put("\u00000", "looks like a placeholder");
        assertThat(peers.a.send(sent)).isEqualTo(sent);
        Map<String, Object> strings = new HashMap<>(Map.of("\u00001", 1L, "plain", 2L));
        assertThat(peers.a.send(strings)).isEqualTo(strings);
    }

    @Test
    void declaredKeyTypesInsideValuesKeepTheirKeys() {
        Ledger ledger = new Ledger();
        ledger.byDay.put(LocalDate.of(2026, 1, 1), 10L);
        ledger.byPoint.put(new Point(1, 2), List.of(3L));
        ledger.byNumber.put(4, Colour.GREEN);
        List<Object> sent = new ArrayList<>(List.of(ledger, new Tally(new HashMap<>(Map.of(new Point(5, 6), 7L)))));
        List<?> received = (List<?>) peers.a.send(sent);
        assertThat(received).isEqualTo(sent);
        Ledger back = (Ledger) received.get(0);
        assertThat(keyClasses(back.byPoint)).containsOnly(Point.class);
        assertThat(back.byPoint.get(new Point(1, 2))).containsExactly(3L);
    }

    @Test
    void aRecordComponentMapKeepsItsKeys() {
        Tally sent = new Tally(new HashMap<>(Map.of(new Point(1, 1), 2L)));
        Tally received = (Tally) peers.b.send(sent);
        assertThat(received).isEqualTo(sent);
        assertThat(keyClasses(received.counts())).containsOnly(Point.class);
    }

    @Test
    void twinReferencesAsKeysArriveAsProxiesAndComeHomeAsTheOriginals() {
        SuperComputer original = new SuperComputer(3);
        Map<Object, Object> sent = new HashMap<>(Map.of(original, "value", 1, "one"));
        Map<?, ?> there = (Map<?, ?>) peers.a.send(sent);
        Object proxy = there.keySet().stream().filter(k -> k instanceof TwinProxy).findFirst().orElseThrow();
        assertThat(there.get(proxy)).isEqualTo("value");
        Map<?, ?> home = (Map<?, ?>) peers.b.send(new HashMap<>(Map.of(proxy, "back")));
        assertThat(home.keySet()).singleElement().isSameAs(original);
    }

    @Test
    void stringKeyedMapsAreWrittenAsPlainJsonObjects() {
        String json = new String(peers.a.write(new HashMap<>(Map.of("k", 1L))), StandardCharsets.UTF_8);
        // Unchanged from before typed keys: a JSON object named by its keys, no list of keys in front.
        assertThat(json).contains("[\"java.util.HashMap\",{\"k\":[\"java.lang.Long\",1]}]");
    }

    @Test
    void whatCannotBeSentInATypedMapIsNamedWithItsKey() {
        Map<Integer, Object> badValue = new HashMap<>(Map.of(7, new Thread()));
        assertThatThrownBy(() -> peers.a.write(badValue)).isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("field 7 of HashMap").hasMessageContaining("java.lang.Thread");
        Map<Object, Object> badKey = new HashMap<>(Map.of(new Thread(), 1));
        assertThatThrownBy(() -> peers.a.write(badKey)).isInstanceOf(TwinSerializationException.class)
                .hasMessageContaining("key ").hasMessageContaining("java.lang.Thread");
    }

    private static List<Class<?>> keyClasses(Map<?, ?> map) {
        return map.keySet().stream().<Class<?>>map(Object::getClass).toList();
    }

    /** A record nested inside a value is written by Jackson with its declared key type. */
    record Tally(Map<Point, Long> counts) {
    }

    /** A POJO with declared key types: Jackson writes and reads these fields by their declared types. */
    static final class Ledger {
        private Map<LocalDate, Long> byDay = new TreeMap<>();
        private Map<Point, List<Long>> byPoint = new HashMap<>();
        private Map<Integer, Colour> byNumber = new LinkedHashMap<>();

        @Override
        public boolean equals(Object o) {
            return o instanceof Ledger other && byDay.equals(other.byDay) && byPoint.equals(other.byPoint)
                   && byNumber.equals(other.byNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(byDay, byPoint, byNumber);
        }

        @Override
        public String toString() {
            return "Ledger" + Arrays.asList(byDay, byPoint, byNumber);
        }
    }
}
