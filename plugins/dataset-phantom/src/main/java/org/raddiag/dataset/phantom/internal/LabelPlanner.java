package org.raddiag.dataset.phantom.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Assigns disorder labels to the cases of a split with exact long-tailed quotas: disorder of rank r (1-based) goes
 * to {@code max(1, round(n * top * r^-exponent))} cases, chosen at random among the cases that still have room
 * (at most {@link PhantomSpec#maxLabelsPerCase()} labels). Cases left without a label are "Normal".
 */
final class LabelPlanner {
    private LabelPlanner() {
    }

    /** Designed prevalence of the disorder of rank {@code rank}. */
    static double prevalence(PhantomSpec spec, int rank) {
        return spec.topPrevalence() * StrictMath.pow(rank, -spec.prevalenceExponent());
    }

    /** Disorder ranks (1..labelCount-1, ascending) of each of {@code n} cases. */
    static List<List<Integer>> assign(PhantomSpec spec, int n, SplitMix r) {
        List<List<Integer>> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add(new ArrayList<>());
        }
        int[] eligible = new int[n];
        for (int rank = 1; rank < spec.labelCount(); rank++) {
            long quota = Math.round(n * prevalence(spec, rank));
            if (n >= 10) {
                quota = Math.max(1, quota);
            }
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (labels.get(i).size() < spec.maxLabelsPerCase()) {
                    eligible[m++] = i;
                }
            }
            int take = (int) Math.min(quota, m);
            for (int t = 0; t < take; t++) {
                int j = t + r.nextInt(m - t);
                int chosen = eligible[j];
                eligible[j] = eligible[t];
                eligible[t] = chosen;
                labels.get(chosen).add(rank);
            }
        }
        return labels;
    }
}
