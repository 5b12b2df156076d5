package io.cpy2j.internal.object;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cpy2j.StaleTwinReferenceException;
import io.cpy2j.fixtures.objects.SuperComputer;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The object table on its own, in process: exports are counted per send, journalled per thread so that
 * an unsent message can give them back, and dropped when the counts reach zero. No twin, no codec.
 */
class ObjectSpaceTest {

    private final ObjectSpace space = new ObjectSpace(new NoPeer());

    @Test
    void eachSendOfAnObjectIsCountedAndItsIdStaysTheSame() {
        SuperComputer object = new SuperComputer(1);
        RefDescriptor first = space.toRef(object);
        RefDescriptor second = space.toRef(object);
        assertThat(first.ownedByReceiver()).isFalse();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(space.exportedCount()).isOne();
        space.released(first.id(), 1);
        assertThat(space.exported(first.id())).isSameAs(object); // one send is still held by the peer
        space.released(first.id(), 1);
        assertThat(space.exportedCount()).isZero();
        assertThatThrownBy(() -> space.exported(first.id())).isInstanceOf(StaleTwinReferenceException.class);
    }

    @Test
    void theExportsOfAMessageAreTakenOnceInTheOrderTheyWereMade() {
        long a = space.toRef(new SuperComputer(1)).id();
        long b = space.toRef(new SuperComputer(2)).id();
        space.toRef(space.exported(a));
        assertThat(space.takeExports()).containsExactly(a, b, a);
        assertThat(space.takeExports()).isNull(); // taken: the next message starts empty
    }

    @Test
    void undoingTheExportsOfAnUnsentMessageLeavesWhatEarlierMessagesSent() {
        SuperComputer shared = new SuperComputer(1);
        long sharedId = space.toRef(shared).id();
        space.takeExports(); // an earlier message, delivered: the peer holds one reference
        space.toRef(shared);
        space.toRef(new SuperComputer(2));
        space.undoExports(space.takeExports());
        assertThat(space.exportedCount()).isOne();
        assertThat(space.exported(sharedId)).isSameAs(shared);
        space.released(sharedId, 1); // the peer's one reference, released as usual
        assertThat(space.exportedCount()).isZero();
    }

    @Test
    void eachThreadTakesOnlyItsOwnExports() throws Exception {
        long mine = space.toRef(new SuperComputer(1)).id();
        AtomicReference<long[]> theirs = new AtomicReference<>();
        Thread other = new Thread(() -> {
            space.toRef(new SuperComputer(2));
            theirs.set(space.takeExports());
        });
        other.start();
        other.join();
        assertThat(theirs.get()).hasSize(1).doesNotContain(mine);
        assertThat(space.takeExports()).containsExactly(mine);
    }

    @Test
    void aProxyOfThisConnectionGoesHomeWithoutBeingExported() {
        TypeDescriptor type = ByReference.descriptor(SuperComputer.class);
        Object proxy = space.fromRef(new RefDescriptor(false, 42, type));
        assertThat(space.fromRef(new RefDescriptor(false, 42, type))).isSameAs(proxy);
        RefDescriptor home = space.toRef(proxy);
        assertThat(home).isEqualTo(new RefDescriptor(true, 42, type));
        assertThat(space.takeExports()).isNull();
        assertThat(space.exportedCount()).isZero();
        assertThat(space.proxyCount()).isOne();
    }

    @Test
    void aProxyOfAnotherConnectionIsExportedLikeANativeObject() {
        ObjectSpace third = new ObjectSpace(new NoPeer());
        Object proxy = third.fromRef(new RefDescriptor(false, 7, ByReference.descriptor(SuperComputer.class)));
        RefDescriptor relayed = space.toRef(proxy);
        assertThat(relayed.ownedByReceiver()).isFalse();
        assertThat(space.exported(relayed.id())).isSameAs(proxy);
        assertThat(space.takeExports()).containsExactly(relayed.id());
    }

    /** A peer that is never called: these tests only count. */
    private static final class NoPeer implements Peer {
        @Override
        public String remoteId() {
            return "peer";
        }

        @Override
        public Object invoke(long id, Method method, Object[] args) {
            throw new AssertionError("no calls expected");
        }

        @Override
        public CompletableFuture<Object> submit(Object function, Object... args) {
            throw new AssertionError("no calls expected");
        }

        @Override
        public void release(long[] ids, long[] counts) {
        }

        @Override
        public RuntimeException closedWith() {
            return null;
        }
    }
}
