package org.raddiag.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ContrastiveLossTest {
    private static final float[] A = {1, 0, 0.6f, 0.8f, 0, 1};
    private static final float[] P = {0.8f, 0.6f, 0, 1, 1, 0};

    @Test
    void withOnePositivePerRowItIsClipsSymmetricCrossEntropy() {
        float[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        assertEquals(reference(A, P, identity, 3, 2, 0.5), djl(A, P, identity, 0.5f), 1e-5);
        // CLIP by hand for the first row direction: -log softmax(L)_ii averaged, and the same over columns
        double[][] l = logits(A, P, 3, 2, 0.5);
        double rows = 0;
        double cols = 0;
        for (int i = 0; i < 3; i++) {
            double rs = 0;
            double cs = 0;
            for (int j = 0; j < 3; j++) {
                rs += Math.exp(l[i][j]);
                cs += Math.exp(l[j][i]);
            }
            rows += -(l[i][i] - Math.log(rs)) / 3;
            cols += -(l[i][i] - Math.log(cs)) / 3;
        }
        assertEquals((rows + cols) / 2, djl(A, P, identity, 0.5f), 1e-5);
    }

    @Test
    void softTargetsAreEachRowsAndColumnsNormalisedWeights() {
        float[] soft = {1, 0.2f, 0, 0.02f, 1, 0.2f, 0, 0, 1};
        double expected = reference(A, P, soft, 3, 2, 0.1);
        assertEquals(expected, djl(A, P, soft, 0.1f), 1e-4);
        assertNotEquals(reference(A, P, new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 2, 0.1), expected, 1e-3);
    }

    private static float djl(float[] a, float[] p, float[] w, float t) {
        try (NDManager m = NDManager.newBaseManager()) {
            return ContrastiveLoss.compute(m.create(a, new Shape(3, 2)), m.create(p, new Shape(3, 2)),
                    m.create(w, new Shape(3, 3)), t).getFloat();
        }
    }

    private static double[][] logits(float[] a, float[] p, int b, int d, double t) {
        double[][] l = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                for (int k = 0; k < d; k++) {
                    l[i][j] += a[i * d + k] * p[j * d + k] / t;
                }
            }
        }
        return l;
    }

    /** The loss written out in doubles: both directions' soft cross-entropies, averaged. */
    static double reference(float[] a, float[] p, float[] w, int b, int d, double t) {
        double[][] l = logits(a, p, b, d, t);
        double rows = 0;
        double cols = 0;
        for (int i = 0; i < b; i++) {
            double rsum = 0;
            double csum = 0;
            double rw = 0;
            double cw = 0;
            for (int j = 0; j < b; j++) {
                rsum += Math.exp(l[i][j]);
                csum += Math.exp(l[j][i]);
                rw += w[i * b + j];
                cw += w[j * b + i];
            }
            for (int j = 0; j < b; j++) {
                rows -= w[i * b + j] / rw * (l[i][j] - Math.log(rsum));
                cols -= w[j * b + i] / cw * (l[j][i] - Math.log(csum));
            }
        }
        return (rows / b + cols / b) / 2;
    }
}
