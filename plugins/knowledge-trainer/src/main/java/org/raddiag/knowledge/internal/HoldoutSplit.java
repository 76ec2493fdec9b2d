package org.raddiag.knowledge.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded split of the disorders (by disorder, not by code) into training and held-out ones. A disorder is only
 * held out while its code keeps at least one training disorder, so that every held-out disorder has a correct
 * answer among the training disorders in the retrieval evaluation.
 *
 * @param train    indices of the training disorders, ascending
 * @param heldOut  indices of the held-out disorders, ascending
 */
public record HoldoutSplit(int[] train, int[] heldOut) {

    /**
     * Holds out {@code round(fraction x size)} disorders (fewer if not enough codes have 2 or more disorders).
     *
     * @throws IllegalArgumentException when {@code fraction} is not in [0, 0.5]
     */
    public static HoldoutSplit of(IcdKnowledge k, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 0.5)) {
            throw new IllegalArgumentException("--holdout must be between 0 and 0.5, not " + fraction);
        }
        int n = k.size();
        int target = (int) Math.round(fraction * n);
        Map<String, Integer> remaining = new HashMap<>();
        for (String c : k.codes()) {
            remaining.merge(c, 1, Integer::sum);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        boolean[] held = new boolean[n];
        int count = 0;
        for (int i : order) {
            if (count == target) {
                break;
            }
            String c = k.codes().get(i);
            if (remaining.get(c) > 1) {
                remaining.merge(c, -1, Integer::sum);
                held[i] = true;
                count++;
            }
        }
        int[] train = new int[n - count];
        int[] out = new int[count];
        for (int i = 0, t = 0, h = 0; i < n; i++) {
            if (held[i]) {
                out[h++] = i;
            } else {
                train[t++] = i;
            }
        }
        return new HoldoutSplit(train, out);
    }
}
