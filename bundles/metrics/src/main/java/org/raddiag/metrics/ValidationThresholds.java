package org.raddiag.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet.Split;
import org.raddiag.metrics.internal.NumpySum;

/**
 * Per-class thresholds fixed on a validation split and applied unchanged to a test split. <b>NOT reference
 * semantics</b>: the reference picks the F1max threshold on the test set itself (an oracle); this is the honest
 * variant, so its F1/MCC are lower and not comparable with the published tables.
 */
public final class ValidationThresholds {
    private final float[] thresholds;

    private ValidationThresholds(float[] thresholds) {
        this.thresholds = thresholds;
    }

    /** Explicit thresholds, one per class (NaN: none, the class is skipped). */
    public static ValidationThresholds of(float[] thresholds) {
        return new ValidationThresholds(thresholds.clone());
    }

    /**
     * The reference F1max threshold of each class on the validation predictions (first argmax over the PR curve); NaN
     * where the validation labels of a class take a single value.
     */
    public static ValidationThresholds fitF1max(Predictions validation) {
        float[] t = new float[validation.classes()];
        for (int c = 0; c < t.length; c++) {
            t[c] = ReferenceMetrics.evaluateClass(c, validation.scores(c), validation.labels(c), List.of()).threshold();
        }
        return new ValidationThresholds(t);
    }

    public int classes() {
        return thresholds.length;
    }

    public float threshold(int classIndex) {
        return thresholds[classIndex];
    }

    public float[] thresholds() {
        return thresholds.clone();
    }

    /**
     * Confusion counts, precision, recall, F1 and MCC at the fixed thresholds. A class is skipped when it has no
     * threshold or its test labels take a single value.
     */
    public ThresholdedEvaluation apply(Predictions test, ClassSplits splits) {
        if (test.classes() != thresholds.length) {
            throw new IllegalArgumentException(thresholds.length + " thresholds for " + test.classes() + " classes");
        }
        List<ThresholdedClass> per = new ArrayList<>(thresholds.length);
        for (int c = 0; c < thresholds.length; c++) {
            per.add(evaluate(c, thresholds[c], test.scores(c), test.labels(c)));
        }
        Map<Split, ThresholdedMacro> bySplit = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int[] r = splits.range(s, thresholds.length);
            bySplit.put(s, macro(per, r[0], r[1]));
        }
        return new ThresholdedEvaluation(per, macro(per, 0, thresholds.length), bySplit);
    }

    static ThresholdedClass evaluate(int c, float thr, float[] scores, boolean[] labels) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= thr;
            if (labels[i]) {
                tp += predicted ? 1 : 0;
                fn += predicted ? 0 : 1;
            } else {
                fp += predicted ? 1 : 0;
                tn += predicted ? 0 : 1;
            }
        }
        boolean skipped = Float.isNaN(thr) || tp + fn == 0 || fp + tn == 0;
        if (skipped) {
            return new ThresholdedClass(c, thr, true, tp, fp, fn, tn, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double precision = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
        double recall = (double) tp / (tp + fn);
        double f1 = (double) (2 * tp) / (2 * tp + fp + fn);
        return new ThresholdedClass(c, thr, false, tp, fp, fn, tn, precision, recall, f1,
                ReferenceMetrics.matthews(tp, fp, fn, tn));
    }

    static ThresholdedMacro macro(List<ThresholdedClass> per, int from, int to) {
        List<ThresholdedClass> v = per.subList(from, to).stream().filter(c -> !c.skipped()).toList();
        return new ThresholdedMacro(from, to, v.size(),
                NumpySum.mean(v.stream().mapToDouble(ThresholdedClass::precision).toArray()),
                NumpySum.mean(v.stream().mapToDouble(ThresholdedClass::recall).toArray()),
                NumpySum.mean(v.stream().mapToDouble(ThresholdedClass::f1).toArray()),
                NumpySum.mean(v.stream().mapToDouble(ThresholdedClass::mcc).toArray()));
    }
}
