package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpochPlanTest {
    @Test
    void orderIsAPermutationFixedBySeedAndEpoch() {
        int[] a = EpochPlan.order(42, 3, 50);
        assertArrayEquals(a, EpochPlan.order(42, 3, 50));
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        int[] ids = new int[50];
        Arrays.setAll(ids, i -> i);
        assertArrayEquals(ids, sorted);
        assertFalse(Arrays.equals(a, EpochPlan.order(42, 4, 50)));
        assertFalse(Arrays.equals(a, EpochPlan.order(43, 3, 50)));
        assertFalse(Arrays.equals(a, ids));
    }
}
