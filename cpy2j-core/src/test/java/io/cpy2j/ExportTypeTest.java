package io.cpy2j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.fixtures.objects.Box;
import io.cpy2j.fixtures.objects.Rated;
import io.cpy2j.support.TwinExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A type declared with {@link Twins#exportType} before any of its instances is sent crosses by
 * reference, without {@code @Twin} and without exporting an instance. {@link Box} is used by no other
 * test, so nothing sent it by value before (Jackson would keep copying it nested in values).
 */
class ExportTypeTest {

    @RegisterExtension
    static final TwinExtension TWIN = new TwinExtension("types");

    @BeforeAll
    static void declareTheTypeOnBothSides() {
        Twins.exportType(Box.class);
        // each runtime decides for what it sends: the twin declares it too, for the boxes it returns
        TWIN.master().execute(() -> Twins.exportType(Box.class));
    }

    @Test
    void aMasterInstanceReachesTheTwinAsAReferenceAndComesBackAsItself() {
        Box box = new Box(1);
        Box back = TWIN.master().execute((Box b) -> {
            b.set(b.get() + 41); // runs on the master's box, through the twin's proxy
            return b;
        }, box);
        assertThat(back).isSameAs(box);
        assertThat(box.get()).isEqualTo(42);
        assertThat(TWIN.master().execute((Box b) -> Twins.isProxy(b), box)).isTrue();
        assertThat(TWIN.master().execute((Box a, Box b) -> a == b, box, box)).as("one proxy in the twin").isTrue();
    }

    @Test
    void anInstanceNestedInAValueIsAReferenceToo() {
        Box box = new Box(3);
        List<Box> list = new ArrayList<>(List.of(box));
        Box back = TWIN.master().execute((List<Box> l) -> {
            l.get(0).set(4);
            return l.get(0);
        }, list);
        assertThat(back).isSameAs(box);
        assertThat(box.get()).isEqualTo(4);
    }

    @Test
    void anInstanceReturnedByTheTwinIsAProxyWhoseMutationsTheTwinSees() {
        Box inTwin = TWIN.master().execute(Box::shared);
        assertThat(Twins.isProxy(inTwin)).isTrue();
        assertThat(TWIN.master().execute(Box::shared)).as("identity: the same proxy").isSameAs(inTwin);
        inTwin.set(7);
        assertThat(TWIN.master().execute(() -> Box.shared().get())).isEqualTo(7);
        assertThat(Box.shared().get()).as("the master's own shared box is another object").isZero();
    }

    @Test
    void aTypeWithoutInstancesOfItsOwnIsRefused() {
        assertThatThrownBy(() -> Twins.exportType(Rated.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no instances of its own");
    }
}
