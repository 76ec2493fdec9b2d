package org.raddiag.metrics;

/**
 * ROC curve as scikit-learn's {@code roc_curve(y, s)} with {@code drop_intermediate=True} returns it: a point is kept
 * when the second difference of the false- or true-positive counts is non-zero (first and last always), then (0, 0)
 * is prepended. {@code thresholds[0]} follows scikit-learn 1.2 ({@code thresholds[1] + 1} in float32; 1.3 uses
 * +inf); the reference never reads it. The arrays are shared, not copied: do not modify them.
 *
 * @param fpr        false positive rates, non-decreasing
 * @param tpr        true positive rates, non-decreasing
 * @param thresholds score thresholds, decreasing
 */
public record RocCurve(double[] fpr, double[] tpr, float[] thresholds) {
    /** Number of points. */
    public int size() {
        return fpr.length;
    }
}
