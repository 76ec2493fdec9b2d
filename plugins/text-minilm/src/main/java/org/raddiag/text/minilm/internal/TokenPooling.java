package org.raddiag.text.minilm.internal;

import org.raddiag.api.text.Pooling;

/** Per-token states to one unit-length vector per text, as the reference (sentence-transformers) does it. */
final class TokenPooling {
    private TokenPooling() {
    }

    /**
     * @param hidden {@code batch x tokens x dim} states in C order
     * @param mask   attention mask per text ({@code tokens} long; 1 = real token)
     * @return {@code batch x dim}, each row L2-normalised (an all-zero row stays zero)
     */
    static float[][] pool(float[] hidden, int batch, int tokens, int dim, long[][] mask, Pooling pooling) {
        if ((long) batch * tokens * dim != hidden.length) {
            throw new IllegalArgumentException("token states " + batch + " x " + tokens + " x " + dim + " need "
                    + (long) batch * tokens * dim + " values, got " + hidden.length);
        }
        float[][] out = new float[batch][];
        for (int b = 0; b < batch; b++) {
            double[] acc = new double[dim];
            int base = b * tokens * dim;
            if (pooling == Pooling.CLS) {
                for (int e = 0; e < dim; e++) {
                    acc[e] = hidden[base + e];
                }
            } else {
                double count = 0;
                for (int t = 0; t < tokens; t++) {
                    if (mask[b][t] != 0) {
                        count++;
                        for (int e = 0; e < dim; e++) {
                            acc[e] += hidden[base + t * dim + e];
                        }
                    }
                }
                // sentence-transformers clamps the token count at 1e-9
                double n = Math.max(count, 1e-9);
                for (int e = 0; e < dim; e++) {
                    acc[e] /= n;
                }
            }
            out[b] = normalize(acc);
        }
        return out;
    }

    /** {@code v / max(|v|, 1e-12)}, as torch.nn.functional.normalize. */
    static float[] normalize(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        double norm = Math.max(Math.sqrt(sum), 1e-12);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }
}
