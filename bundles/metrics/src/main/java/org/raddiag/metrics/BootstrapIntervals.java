package org.raddiag.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.raddiag.api.data.LabelSet.Split;
import org.raddiag.metrics.internal.NumpySum;

/**
 * Percentile bootstrap confidence intervals for the macro AUC and AP, overall and per split. <b>NOT reference
 * semantics</b> (the reference reports point estimates only). Cases are resampled with replacement; in each resample
 * the macro mean runs over the classes that still have both label values. Seeded and deterministic: resample
 * {@code b} draws from its own generator seeded from the master seed, so results do not depend on threading.
 *
 * @param seed      master seed
 * @param resamples number of resamples drawn
 * @param level     confidence level, e.g. 0.95
 * @param all       intervals over all classes
 * @param bySplit   intervals per split
 */
public record BootstrapIntervals(long seed, int resamples, double level, Pair all, Map<Split, Pair> bySplit) {
    public BootstrapIntervals {
        bySplit = Collections.unmodifiableMap(new EnumMap<>(bySplit));
    }

    /**
     * One interval.
     *
     * @param estimate  the value on the full data
     * @param lower     lower percentile bound ({@code (1-level)/2})
     * @param upper     upper percentile bound ({@code (1+level)/2})
     * @param defined   resamples in which the value was defined (at least one valid class)
     */
    public record Interval(double estimate, double lower, double upper, int defined) {
    }

    /** Macro AUC and AP intervals of one class range. */
    public record Pair(Interval auc, Interval ap) {
    }

    /** Computes the intervals with {@code resamples} resamples (e.g. 1000) at {@code level} (e.g. 0.95). */
    public static BootstrapIntervals compute(Predictions p, ClassSplits splits, int resamples, double level,
                                             long seed) {
        if (resamples < 1 || !(level > 0 && level < 1)) {
            throw new IllegalArgumentException("resamples " + resamples + ", level " + level);
        }
        int[][] ranges = ranges(splits, p.classes());
        double[] full = macroAucAp(p, ranges);
        double[][] draws = draws(p, resamples, seed, q -> macroAucAp(q, ranges));
        Pair[] pairs = new Pair[ranges.length];
        for (int k = 0; k < ranges.length; k++) {
            pairs[k] = new Pair(interval(full[2 * k], draws, 2 * k, level),
                    interval(full[2 * k + 1], draws, 2 * k + 1, level));
        }
        Map<Split, Pair> bySplit = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            bySplit.put(s, pairs[1 + s.ordinal()]);
        }
        return new BootstrapIntervals(seed, resamples, level, pairs[0], bySplit);
    }

    /**
     * The values of {@code statistic} on {@code resamples} case resamples drawn with replacement, resample {@code b}
     * from its own generator seeded from {@code seed} (so the result does not depend on threading).
     */
    static double[][] draws(Predictions p, int resamples, long seed, Function<Predictions, double[]> statistic) {
        long[] seeds = new long[resamples];
        SplittableRandom master = new SplittableRandom(seed);
        for (int b = 0; b < resamples; b++) {
            seeds[b] = master.nextLong();
        }
        double[][] draws = new double[resamples][];
        IntStream.range(0, resamples).parallel().forEach(b -> {
            SplittableRandom r = new SplittableRandom(seeds[b]);
            int[] rows = new int[p.cases()];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = r.nextInt(p.cases());
            }
            draws[b] = statistic.apply(p.rows(rows));
        });
        return draws;
    }

    /** numpy's default ({@code linear}) percentile of sorted values, {@code q} in [0, 1]; NaN when empty. */
    public static double percentile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return sorted[lo] + (sorted[hi] - sorted[lo]) * frac;
    }

    static Interval interval(double estimate, double[][] draws, int column, double level) {
        double[] v = Arrays.stream(draws).mapToDouble(d -> d[column]).filter(x -> !Double.isNaN(x)).sorted()
                .toArray();
        return new Interval(estimate, percentile(v, (1 - level) / 2), percentile(v, (1 + level) / 2), v.length);
    }

    static int[][] ranges(ClassSplits splits, int classes) {
        int[][] r = new int[1 + Split.values().length][];
        r[0] = new int[] {0, classes};
        for (Split s : Split.values()) {
            r[1 + s.ordinal()] = splits.range(s, classes);
        }
        return r;
    }

    /** {@code {auc_0, ap_0, auc_1, ap_1, ...}} macro means per range. */
    private static double[] macroAucAp(Predictions p, int[][] ranges) {
        double[][] per = new double[p.classes()][];
        for (int c = 0; c < per.length; c++) {
            per[c] = ReferenceMetrics.aucAp(p.scores(c), p.labels(c));
        }
        return macroMeans(per, ranges, 2);
    }

    /**
     * {@code {m0_range0, m1_range0, ..., m0_range1, ...}}: per range, the mean of each of the {@code metrics}
     * per-class metrics over the classes where it is defined (not NaN), NaN when none is.
     */
    static double[] macroMeans(double[][] perClass, int[][] ranges, int metrics) {
        double[] out = new double[metrics * ranges.length];
        for (int k = 0; k < ranges.length; k++) {
            for (int m = 0; m < metrics; m++) {
                final int metric = m;
                out[metrics * k + m] = NumpySum.mean(Arrays.stream(perClass, ranges[k][0], ranges[k][1])
                        .mapToDouble(a -> a[metric]).filter(x -> !Double.isNaN(x)).toArray());
            }
        }
        return out;
    }
}
