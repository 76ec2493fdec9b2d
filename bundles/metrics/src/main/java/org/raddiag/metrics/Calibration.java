package org.raddiag.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration of scores as probabilities: a reliability diagram with equal-width bins, the expected calibration error
 * {@code ECE = sum_b (n_b / N) |rate_b - meanScore_b|} and the Brier score {@code mean((s - y)^2)}. <b>NOT reference
 * semantics</b> (the reference reports none of these).
 *
 * @param bins        number of bins over [0, 1]; bin {@code b} holds {@code b/B <= s < (b+1)/B}, the last also s = 1
 * @param reliability one entry per bin, empty bins included (count 0, NaN means)
 * @param ece         expected calibration error
 * @param brier       Brier score
 * @param count       number of (case, class) predictions
 */
public record Calibration(int bins, List<Bin> reliability, double ece, double brier, long count) {
    public Calibration {
        reliability = List.copyOf(reliability);
    }

    /**
     * One reliability bin.
     *
     * @param lower        lower edge
     * @param upper        upper edge
     * @param count        predictions in the bin
     * @param meanScore    mean score in the bin
     * @param observedRate fraction of positives in the bin
     */
    public record Bin(double lower, double upper, long count, double meanScore, double observedRate) {
    }

    /** Calibration of one binary problem; scores must lie in [0, 1]. */
    public static Calibration of(float[] scores, boolean[] labels, int bins) {
        Accumulator a = new Accumulator(bins);
        for (int i = 0; i < scores.length; i++) {
            a.add(scores[i], labels[i]);
        }
        return a.result();
    }

    /** Calibration of one class of the predictions. */
    public static Calibration ofClass(Predictions p, int classIndex, int bins) {
        return of(p.scores(classIndex), p.labels(classIndex), bins);
    }

    /** Calibration pooled over every (case, class) prediction. */
    public static Calibration pooled(Predictions p, int bins) {
        Accumulator a = new Accumulator(bins);
        for (int i = 0; i < p.cases(); i++) {
            for (int c = 0; c < p.classes(); c++) {
                a.add(p.score(i, c), p.label(i, c));
            }
        }
        return a.result();
    }

    private static final class Accumulator {
        final int bins;
        final long[] n;
        final double[] sumScore;
        final long[] positives;
        double sumSquares;
        long total;

        Accumulator(int bins) {
            if (bins < 1) {
                throw new IllegalArgumentException("bins " + bins);
            }
            this.bins = bins;
            n = new long[bins];
            sumScore = new double[bins];
            positives = new long[bins];
        }

        void add(float s, boolean y) {
            if (!(s >= 0f && s <= 1f)) {
                throw new IllegalArgumentException("score " + s + " outside [0, 1]");
            }
            int b = Math.min((int) (s * (double) bins), bins - 1);
            n[b]++;
            sumScore[b] += s;
            positives[b] += y ? 1 : 0;
            double d = s - (y ? 1.0 : 0.0);
            sumSquares += d * d;
            total++;
        }

        Calibration result() {
            List<Bin> out = new ArrayList<>(bins);
            double ece = 0;
            for (int b = 0; b < bins; b++) {
                double mean = n[b] == 0 ? Double.NaN : sumScore[b] / n[b];
                double rate = n[b] == 0 ? Double.NaN : (double) positives[b] / n[b];
                out.add(new Bin((double) b / bins, (double) (b + 1) / bins, n[b], mean, rate));
                if (n[b] > 0) {
                    ece += (double) n[b] / total * Math.abs(rate - mean);
                }
            }
            return new Calibration(bins, out, total == 0 ? Double.NaN : ece,
                    total == 0 ? Double.NaN : sumSquares / total, total);
        }
    }
}
