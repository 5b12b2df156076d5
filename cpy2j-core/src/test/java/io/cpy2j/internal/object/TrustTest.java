package io.cpy2j.internal.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustTest {

    private final List<String> breaches = new ArrayList<>();
    private final Trust trust = Trust.restricted(List.of("com.acme"), breaches::add);

    @Test
    void aRestrictedPeersObjectsComeWithAtMost64SetsOfInterfaces() {
        for (int i = 0; i < Trust.MAX_PROXY_SHAPES; i++) {
            trust.requireProxyShape(shape(i));
        }
        trust.requireProxyShape(shape(0)); // one already admitted is admitted again
        assertThat(breaches).isEmpty();

        assertThatThrownBy(() -> trust.requireProxyShape(shape(Trust.MAX_PROXY_SHAPES)))
                .hasMessageContaining("more than 64 distinct sets of interfaces");
        assertThat(breaches).hasSize(1);
        Trust.FULL.requireProxyShape(shape(Trust.MAX_PROXY_SHAPES + 1));
    }

    /** The i-th of many distinct lists: Runnable followed by i + 1 times Comparable. */
    private static List<Class<?>> shape(int i) {
        List<Class<?>> shape = new ArrayList<>(List.of(Runnable.class));
        for (int n = 0; n <= i; n++) {
            shape.add(Comparable.class);
        }
        return shape;
    }

    @Test
    void fullTrustNamesAnything() {
        assertThat(Trust.FULL.mayName("com.evil.Gadget")).isTrue();
        assertThat(Trust.FULL.isRestricted()).isFalse();
    }

    @Test
    void restrictedTrustNamesJdkValuesAndTrustedPackagesOnly() {
        assertThat(trust.mayName("java.lang.String")).isTrue();
        assertThat(trust.mayName("java.time.ZoneRegion")).isTrue();
        assertThat(trust.mayName("java.util.ImmutableCollections$ListN")).isTrue();
        assertThat(trust.mayName("com.acme.Order")).isTrue();
        assertThat(trust.mayName("com.acme.parser.Node$Leaf")).isTrue();
        assertThat(trust.mayName("com.acmeevil.Gadget")).as("a package, not a name prefix").isFalse();
        assertThat(trust.mayName("java.lang.ProcessBuilder")).isFalse();
        assertThat(trust.mayName("java.net.URL")).as("resolves its host when hashed").isFalse();
        assertThat(trust.mayName("java.util.PriorityQueue")).isFalse();
        assertThat(trust.mayName("javax.management.BadAttributeValueExpException")).isFalse();
    }

    @Test
    void anArrayIsNamedByItsElement() {
        assertThat(trust.mayName("[I")).isTrue();
        assertThat(trust.mayName("[[Ljava.lang.String;")).isTrue();
        assertThat(trust.mayName("[Lcom.acme.Order;")).isTrue();
        assertThat(trust.mayName("[Lcom.evil.Gadget;")).isFalse();
        assertThat(trust.mayName("A")).as("a class of the default package, not a primitive").isFalse();
        assertThat(trust.mayName("[LA;")).isFalse();
    }

    @Test
    void aRefusedNameIsABreachReportedOnce() {
        assertThatThrownBy(() -> trust.require("com.evil.Gadget", "a value")).isInstanceOf(TrustBreach.class)
                .hasMessageContaining("a value names com.evil.Gadget").hasMessageContaining("[com.acme]");
        assertThat(breaches).hasSize(1);
        trust.require("com.acme.Order", "a value");
        assertThat(breaches).hasSize(1);
    }

    @Test
    void everythingIsTrustedWithAStar() {
        assertThat(Trust.restricted(List.of("*"), breaches::add).mayName("com.evil.Gadget")).isTrue();
    }
}
