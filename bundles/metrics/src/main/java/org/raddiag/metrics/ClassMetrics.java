package org.raddiag.metrics;

import java.util.List;

/**
 * Reference metrics of one class. For a skipped class (labels all 0 or all 1) only the counts are set and every
 * metric is NaN.
 *
 * @param classIndex          column index
 * @param positives           cases labelled 1
 * @param negatives           cases labelled 0
 * @param skipped             whether the labels take a single value (excluded from macro means)
 * @param auc                 ROC AUC (trapezoid over the drop-intermediate ROC curve)
 * @param ap                  step-wise average precision
 * @param f1max               maximum F1 over the PR curve (first argmax)
 * @param f1maxIndex          index of that point in {@link PrCurve}, -1 if skipped
 * @param threshold           score threshold of that point (the oracle threshold)
 * @param precisionAtF1max    precision at that point
 * @param recallAtF1max       recall at that point
 * @param predictedPositive   cases with {@code score >= threshold}
 * @param mcc                 Matthews correlation at {@code score >= threshold}
 * @param recallAtFpr         R@x per requested FPR target, in request order
 */
public record ClassMetrics(int classIndex, int positives, int negatives, boolean skipped, double auc, double ap,
                           double f1max, int f1maxIndex, float threshold, double precisionAtF1max,
                           double recallAtF1max, int predictedPositive, double mcc, List<RecallAtFpr> recallAtFpr) {
    public ClassMetrics {
        recallAtFpr = List.copyOf(recallAtFpr);
    }

    /** A skipped class: counts only. */
    static ClassMetrics skipped(int classIndex, int positives, int negatives) {
        return new ClassMetrics(classIndex, positives, negatives, true, Double.NaN, Double.NaN, Double.NaN, -1,
                Float.NaN, Double.NaN, Double.NaN, 0, Double.NaN, List.of());
    }
}
