package org.raddiag.metrics;

import java.nio.file.Path;
import java.util.Arrays;
import org.raddiag.api.io.ReadException;
import org.raddiag.metrics.internal.NpyPredictions;

/**
 * Scores and binary labels of {@code cases x classes} predictions, row-major (one row per case), immutable. Scores are
 * float32 because the reference metrics run on float32 sigmoid outputs (ties included).
 */
public final class Predictions {
    /** The reference clips logits to this magnitude before the sigmoid. */
    public static final float LOGIT_CLIP = 60f;

    private final int cases;
    private final int classes;
    private final float[] scores;
    private final boolean[] labels;

    private Predictions(int cases, int classes, float[] scores, boolean[] labels) {
        this.cases = cases;
        this.classes = classes;
        this.scores = scores;
        this.labels = labels;
    }

    /**
     * Predictions from scores (e.g. the reference's own sigmoid outputs).
     *
     * @param scores row-major {@code cases x classes}, no NaN
     * @param labels row-major, each exactly 0 or 1
     */
    public static Predictions fromScores(int cases, int classes, float[] scores, float[] labels) {
        if (cases < 0 || classes < 0 || (long) cases * classes != scores.length || scores.length != labels.length) {
            throw new IllegalArgumentException("shape " + cases + "x" + classes + " does not match " + scores.length
                    + " scores and " + labels.length + " labels");
        }
        boolean[] y = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0f && labels[i] != 1f) {
                throw new IllegalArgumentException("label " + labels[i] + " at " + i / Math.max(classes, 1) + ","
                        + i % Math.max(classes, 1) + " is neither 0 nor 1");
            }
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("NaN score at " + i / classes + "," + i % classes);
            }
            y[i] = labels[i] == 1f;
        }
        return new Predictions(cases, classes, scores.clone(), y);
    }

    /**
     * Predictions from logits via {@link #sigmoid(float)}. The reference used numpy's float32 {@code exp}, which is not
     * correctly rounded, so scores (and therefore thresholds) may differ from the reference by 1-2 ulp; use
     * {@link #fromScores} with the reference's scores where bit-exact thresholds matter.
     */
    public static Predictions fromLogits(int cases, int classes, float[] logits, float[] labels) {
        float[] s = new float[logits.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = sigmoid(logits[i]);
        }
        return fromScores(cases, classes, s, labels);
    }

    /**
     * The reference's score {@code 1/(1+exp(-x))} on {@code x} clipped to [-60, 60], computed in float64 and rounded
     * once to float32 (nearly correctly rounded). The reference computes in float32 with numpy's not correctly
     * rounded {@code exp}, so results may differ from it by 1-2 ulp.
     */
    public static float sigmoid(float logit) {
        float x = Math.max(-LOGIT_CLIP, Math.min(LOGIT_CLIP, logit));
        return (float) (1.0 / (1.0 + Math.exp(-(double) x)));
    }

    /** Loads {@code (N, C)} score and label {@code .npy} files (any numeric dtype; scores rounded to float32). */
    public static Predictions load(Path scoresNpy, Path labelsNpy) throws ReadException {
        return NpyPredictions.load(scoresNpy, labelsNpy, false);
    }

    /** Loads {@code (N, C)} logit and label {@code .npy} files and applies {@link #sigmoid(float)}. */
    public static Predictions loadLogits(Path logitsNpy, Path labelsNpy) throws ReadException {
        return NpyPredictions.load(logitsNpy, labelsNpy, true);
    }

    public int cases() {
        return cases;
    }

    public int classes() {
        return classes;
    }

    public float score(int caseIndex, int classIndex) {
        return scores[index(caseIndex, classIndex)];
    }

    public boolean label(int caseIndex, int classIndex) {
        return labels[index(caseIndex, classIndex)];
    }

    /** Scores of one class, one per case. */
    public float[] scores(int classIndex) {
        float[] out = new float[cases];
        column(classIndex, (i, at) -> out[i] = scores[at]);
        return out;
    }

    /** Labels of one class, one per case. */
    public boolean[] labels(int classIndex) {
        boolean[] out = new boolean[cases];
        column(classIndex, (i, at) -> out[i] = labels[at]);
        return out;
    }

    /** Receives case {@code i} with the index of its entry in the flat arrays. */
    @FunctionalInterface
    private interface Cell {
        void at(int i, int flat);
    }

    /** Every case's entry of class {@code classIndex}. */
    private void column(int classIndex, Cell cell) {
        java.util.Objects.checkIndex(classIndex, classes);
        for (int i = 0; i < cases; i++) {
            cell.at(i, i * classes + classIndex);
        }
    }

    /** The predictions of the given cases, in the given order (repeats allowed, e.g. for bootstrap resamples). */
    public Predictions rows(int[] caseIndices) {
        float[] s = new float[caseIndices.length * classes];
        boolean[] y = new boolean[s.length];
        for (int r = 0; r < caseIndices.length; r++) {
            int src = java.util.Objects.checkIndex(caseIndices[r], cases) * classes;
            System.arraycopy(scores, src, s, r * classes, classes);
            System.arraycopy(labels, src, y, r * classes, classes);
        }
        return new Predictions(caseIndices.length, classes, s, y);
    }

    private int index(int caseIndex, int classIndex) {
        java.util.Objects.checkIndex(caseIndex, cases);
        java.util.Objects.checkIndex(classIndex, classes);
        return caseIndex * classes + classIndex;
    }

    @Override
    public String toString() {
        return "Predictions[" + cases + " cases x " + classes + " classes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Predictions p && p.cases == cases && p.classes == classes && Arrays.equals(p.scores, scores)
                && Arrays.equals(p.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scores) + Arrays.hashCode(labels);
    }
}
