package org.raddiag.metrics;

/**
 * Precision-recall curve as scikit-learn's {@code precision_recall_curve(y, s)} returns it (1.1 and later, no
 * truncation at full recall): points by increasing threshold, the last point (precision 1, recall 0) has no
 * threshold. The arrays are shared, not copied: do not modify them.
 *
 * @param precision  precision per point, length {@code thresholds.length + 1}
 * @param recall     recall per point, non-increasing, length {@code thresholds.length + 1}
 * @param thresholds distinct scores, increasing
 */
public record PrCurve(double[] precision, double[] recall, float[] thresholds) {
    /** Number of points (one more than thresholds). */
    public int size() {
        return precision.length;
    }

    /** F1 per point, {@code 2PR/(P+R)} with NaN (0/0) replaced by 0, as the reference does. */
    public double[] f1() {
        double[] f = new double[precision.length];
        for (int i = 0; i < f.length; i++) {
            double v = 2 * precision[i] * recall[i] / (precision[i] + recall[i]);
            f[i] = Double.isNaN(v) ? 0.0 : v;
        }
        return f;
    }
}
