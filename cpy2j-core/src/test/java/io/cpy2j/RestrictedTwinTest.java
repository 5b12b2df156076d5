package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.Values.Colour;
import io.cpy2j.fixtures.Values.Point;
import io.cpy2j.fixtures.Values.Shape;
import io.cpy2j.fixtures.objects.Listener;
import io.cpy2j.hostile.Tally;
import io.cpy2j.fixtures.objects.Box;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A restricted twin used as intended: JDK values, records of its trusted packages, its objects as
 * proxies, callbacks to what the master exported to it, and its exceptions all cross as with full trust.
 * The settings that make no sense are refused when the master is built.
 */
class RestrictedTwinTest {

    private static TwinMaster twin;

    @BeforeAll
    static void start() {
        twin = TwinMaster.builder("restricted").trust(TwinTrust.RESTRICTED).trustedPackages("io.cpy2j.fixtures")
                .build().start();
    }

    @AfterAll
    static void stop() {
        twin.close();
    }

    @Test
    void jdkValuesCrossFromARestrictedTwin() {
        Object values = twin.execute(RestrictedTwinTest::jdkValues);
        assertThat(values).isEqualTo(jdkValues());
        assertThat(twin.execute(() -> new int[] {1, 2, 3})).isEqualTo(new int[] {1, 2, 3});
        assertThat(twin.execute(() -> new String[] {"a"})).isEqualTo(new String[] {"a"});
        assertThat(twin.execute(() -> Optional.of("x"))).contains("x");
        assertThat(twin.isAlive()).isTrue();
    }

    static List<Object> jdkValues() {
        Map<Integer, String> sorted = new TreeMap<>(Map.of(2, "two", 1, "one"));
        return new ArrayList<>(List.of(List.of(1, 2L), Map.of("k", 1.5), sorted, LocalDate.of(2026, 12, 2),
                ZonedDateTime.parse("2026-12-02T10:15:30+01:00[Europe/Paris]"),
                new BigDecimal("1.25"), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), 'c', (short) 3));
    }

    @Test
    void recordsAndEnumsOfTrustedPackagesCross() {
        Shape shape = twin.execute(() -> new Shape("square", List.of(new Point(0, 0), new Point(1, 1)),
                Map.of("tag", new Point(2, 2)), Colour.RED, Optional.of(LocalDate.of(2026, 1, 1))));
        assertThat(shape.points()).containsExactly(new Point(0, 0), new Point(1, 1));
        assertThat(shape.tags()).containsEntry("tag", new Point(2, 2));
        assertThat(shape.colour()).isEqualTo(Colour.RED);
    }

    @Test
    void objectsOfTheTwinAreProxiesAndCallbacksReachWhatTheMasterExported() {
        Box box = twin.create(Box.class, 5);
        box.set(7);
        assertThat(box.get()).isEqualTo(7);
        assertThat(Twins.isProxy(box)).isTrue();
        List<String> events = new CopyOnWriteArrayList<>();
        Listener listener = Twins.export(events::add, Listener.class);
        twin.execute(RestrictedTwinTest::notify, listener);
        assertThat(events).containsExactly("from the twin");
        assertThat(twin.isAlive()).isTrue();
    }

    @Test
    void aClassTheMasterNamesItselfNeedsNoTrust() {
        Tally tally = twin.create(Tally.class); // not in the trusted packages
        tally.add(2);
        assertThat(tally.add(3)).isEqualTo(5);
        assertThat(twin.isAlive()).isTrue();
    }

    static String notify(Listener listener) {
        listener.onEvent("from the twin");
        return "done";
    }

    @Test
    void aRestrictedTwinsExceptionsKeepTheirJdkTypes() {
        assertThatThrownBy(() -> twin.execute(() -> List.of().get(1)))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(twin.isAlive()).isTrue();
    }

    /** Unless set, a restricted twin's frames are limited to 16 MiB (256 MiB for a fully trusted one). */
    @Test
    void aRestrictedTwinsValuesAreLimitedTo16MiBByDefault() {
        assertThat(twin.execute(() -> "x".repeat(15 << 20))).hasSize(15 << 20);
        assertThatThrownBy(() -> twin.execute(() -> "x".repeat(17 << 20)))
                .isInstanceOf(TwinSerializationException.class).hasMessageContaining("over the frame limit of 1677");
        assertThat(twin.isAlive()).isTrue();
    }

    @Test
    void settingsThatMakeNoSenseAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> TwinMaster.builder("full-with-packages").trustedPackages("com.acme").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trustedPackages apply only to a twin with trust(TwinTrust.RESTRICTED)");
        assertThatThrownBy(() -> TwinMaster.builder("bad-package").trustedPackages("com..acme"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'com..acme' is not a package name");
        assertThatThrownBy(() -> TwinMaster.builder("no-calls").maxCallsInFlight(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
