package io.cpy2j.internal.object;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShrinkPolicyTest {

    private final ShrinkPolicy policy = new ShrinkPolicy();

    @Test
    void aTableThatGrewIsRebuiltOnceItHoldsAnEighthOfItsPeak() {
        for (int size = 1; size <= 8000; size++) {
            policy.grew(size);
        }
        assertThat(policy.shouldShrink(1001)).isFalse();
        assertThat(policy.shouldShrink(1000)).isTrue();
        assertThat(policy.shouldShrink(10)).as("a peak of 1000 is not worth another rebuild").isFalse();
    }

    @Test
    void aSmallTableIsNeverRebuilt() {
        for (int size = 1; size <= 1000; size++) {
            policy.grew(size);
        }
        assertThat(policy.shouldShrink(0)).isFalse();
    }

    @Test
    void exportsStayCorrectAcrossARebuild() {
        Exports exports = new Exports();
        Object[] objects = new Object[5000];
        long[] ids = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = new Object();
            ids[i] = exports.export(objects[i]);
        }
        for (int i = 0; i < objects.length - 3; i++) {
            exports.release(ids[i], 1);
        }
        assertThat(exports.size()).isEqualTo(3);
        assertThat(exports.get(ids[objects.length - 1])).isSameAs(objects[objects.length - 1]);
        assertThat(exports.export(objects[objects.length - 1])).as("the same id after the rebuild")
                .isEqualTo(ids[objects.length - 1]);
    }
}
