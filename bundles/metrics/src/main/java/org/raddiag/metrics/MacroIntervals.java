package org.raddiag.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet.Split;
import org.raddiag.metrics.BootstrapIntervals.Interval;

/**
 * Percentile bootstrap intervals of all four macro metrics of a class range: AUC, AP, F1max and MCC at the F1max
 * threshold (the reference's oracle threshold, recomputed in every resample). <b>NOT reference semantics</b>; the
 * resampling is {@link BootstrapIntervals}'s (cases with replacement, seeded per resample), so for AUC and AP both
 * give the same intervals. Used where variants are compared on every metric, e.g. the experiment comparison page.
 *
 * @param classes classes of the range that entered the estimate (both label values on the full data)
 */
public record MacroIntervals(int classes, Interval auc, Interval ap, Interval f1max, Interval mcc) {
    /** The metric names in the order of {@link #values()}. */
    public static final List<String> METRICS = List.of("auc", "ap", "f1max", "mcc");

    /** The intervals in the order of {@link #METRICS}. */
    public List<Interval> values() {
        return List.of(auc, ap, f1max, mcc);
    }

    /**
     * Intervals per range, keyed {@code head}, {@code medium}, {@code tail} and {@code all}.
     *
     * @throws IllegalArgumentException for a non-positive number of resamples or a level outside (0, 1)
     */
    public static Map<String, MacroIntervals> compute(Predictions p, ClassSplits splits, int resamples, double level,
            long seed) {
        if (resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("resamples " + resamples + ", level " + level);
        }
        int[][] ranges = BootstrapIntervals.ranges(splits, p.classes());
        double[] full = macro(p, ranges);
        double[][] draws = BootstrapIntervals.draws(p, resamples, seed, q -> macro(q, ranges));
        ReferenceEvaluation ref = ReferenceMetrics.evaluate(p, splits);
        Map<String, MacroIntervals> out = new LinkedHashMap<>();
        for (int k = 0; k < ranges.length; k++) {
            String name = k == 0 ? "all" : Split.values()[k - 1].name().toLowerCase(java.util.Locale.ROOT);
            Interval[] m = new Interval[4];
            for (int j = 0; j < 4; j++) {
                m[j] = BootstrapIntervals.interval(full[4 * k + j], draws, 4 * k + j, level);
            }
            int valid = k == 0 ? ref.all().validClasses() : ref.bySplit().get(Split.values()[k - 1]).validClasses();
            out.put(name, new MacroIntervals(valid, m[0], m[1], m[2], m[3]));
        }
        Map<String, MacroIntervals> ordered = new LinkedHashMap<>();
        for (String s : List.of("head", "medium", "tail", "all")) {
            ordered.put(s, out.get(s));
        }
        return ordered;
    }

    /** {@code {auc, ap, f1max, mcc}} macro means per range, over the classes with both label values. */
    private static double[] macro(Predictions p, int[][] ranges) {
        double[][] per = new double[p.classes()][];
        for (int c = 0; c < per.length; c++) {
            ClassMetrics m = ReferenceMetrics.evaluateClass(c, p.scores(c), p.labels(c), List.of());
            per[c] = new double[] {m.auc(), m.ap(), m.f1max(), m.mcc()};
        }
        return BootstrapIntervals.macroMeans(per, ranges, METRICS.size());
    }
}
