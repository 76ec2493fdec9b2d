package org.raddiag.api.data;

/** Minimum, maximum and mean of a set of values, and how many were not finite. */
public record Statistics(double min, double max, double mean, long nonFinite) {
    /** Statistics over the finite values of {@code values}. */
    public static Statistics of(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long n = 0;
        long bad = 0;
        for (float v : values) {
            if (!Float.isFinite(v)) {
                bad++;
                continue;
            }
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
            sum += v;
            n++;
        }
        return n == 0 ? new Statistics(Double.NaN, Double.NaN, Double.NaN, bad) : new Statistics(min, max, sum / n, bad);
    }
}
