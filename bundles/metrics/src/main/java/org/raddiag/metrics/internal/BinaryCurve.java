package org.raddiag.metrics.internal;

/**
 * scikit-learn's {@code _binary_clf_curve}: for each distinct score, from the highest down, the number of true and
 * false positives when every case with a score at or above it is called positive.
 */
public final class BinaryCurve {
    /** Distinct scores, descending. */
    public final float[] thresholds;
    /** Cumulative true positives at each threshold (float64, as sklearn's {@code stable_cumsum}). */
    public final double[] tps;
    /** Cumulative false positives at each threshold. */
    public final double[] fps;

    private BinaryCurve(float[] thresholds, double[] tps, double[] fps) {
        this.thresholds = thresholds;
        this.tps = tps;
        this.fps = fps;
    }

    /**
     * Builds the curve.
     *
     * @throws IllegalArgumentException for NaN scores or mismatched lengths
     */
    public static BinaryCurve of(float[] scores, boolean[] labels) {
        int n = scores.length;
        if (labels.length != n) {
            throw new IllegalArgumentException(n + " scores but " + labels.length + " labels");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no cases");
        }
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            float s = scores[i];
            if (Float.isNaN(s)) {
                throw new IllegalArgumentException("NaN score at case " + i);
            }
            keys[i] = ((long) sortable(s) << 1) | (labels[i] ? 1 : 0);
        }
        java.util.Arrays.sort(keys);
        float[] thr = new float[n];
        double[] tp = new double[n];
        double[] fp = new double[n];
        int m = 0;
        long cumPos = 0;
        for (int i = n - 1; i >= 0; i--) {
            cumPos += keys[i] & 1;
            int value = (int) (keys[i] >> 1);
            if (i == 0 || (int) (keys[i - 1] >> 1) != value) {
                thr[m] = unsortable(value);
                tp[m] = cumPos;
                fp[m] = (n - i) - cumPos;
                m++;
            }
        }
        return new BinaryCurve(java.util.Arrays.copyOf(thr, m), java.util.Arrays.copyOf(tp, m),
                java.util.Arrays.copyOf(fp, m));
    }

    /** Number of distinct scores. */
    public int size() {
        return thresholds.length;
    }

    /** An int whose signed order is the numeric order of {@code f}; -0.0 and 0.0 map to the same value. */
    static int sortable(float f) {
        int bits = Float.floatToIntBits(f + 0.0f);
        return bits < 0 ? bits ^ 0x7fffffff : bits;
    }

    static float unsortable(int v) {
        return Float.intBitsToFloat(v < 0 ? v ^ 0x7fffffff : v);
    }
}
