package org.raddiag.metrics.internal;

/**
 * Float64 sums in the order numpy's {@code add.reduce} uses for a contiguous array (pairwise summation with blocks of
 * 128 and eight partial sums), so that means and integrals agree bit for bit with {@code np.mean}, {@code np.sum}
 * and {@code np.trapz}.
 */
public final class NumpySum {
    private static final int BLOCK = 128;

    private NumpySum() {
    }

    /** {@code np.sum(a[from:to])}. */
    public static double sum(double[] a, int from, int to) {
        int n = to - from;
        if (n < 8) {
            double res = 0.0;
            for (int i = from; i < to; i++) {
                res += a[i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int k = 0; k < 8; k++) {
                    r[k] += a[from + i + k];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, from + n2) + sum(a, from + n2, to);
    }

    /** {@code np.sum(a)}. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code np.mean(a)}; NaN for an empty array. */
    public static double mean(double[] a) {
        return a.length == 0 ? Double.NaN : sum(a) / a.length;
    }

    /** {@code np.trapz(y, x)}. */
    public static double trapz(double[] y, double[] x) {
        if (x.length < 2) {
            return 0.0;
        }
        double[] t = new double[x.length - 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }
        return sum(t);
    }
}
