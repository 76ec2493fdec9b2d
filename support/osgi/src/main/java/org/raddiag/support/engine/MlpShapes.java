package org.raddiag.support.engine;

import java.util.Arrays;
import org.raddiag.api.data.FloatTensor;

/**
 * Validated dimensions of {@link org.raddiag.api.compute.ComputeBackend#mlp mlp(x, w1, b1, w2, b2)}: x (n, in),
 * w1 (hidden, in), b1 (hidden), w2 (out, hidden), b2 (out). Every engine checks them in Java first, so that no bad
 * shape ever reaches native code.
 */
public record MlpShapes(int batch, int in, int hidden, int out) {

    /** Checks all five shapes; throws {@link IllegalArgumentException} naming the offending tensors and shapes. */
    public static MlpShapes of(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        long[] xs = shape("x", x, 2);
        long[] w1s = shape("w1", w1, 2);
        long[] b1s = shape("b1", b1, 1);
        long[] w2s = shape("w2", w2, 2);
        long[] b2s = shape("b2", b2, 1);
        if (w1s[1] != xs[1]) {
            throw mismatch("w1", w1s, "(hidden, " + xs[1] + ") to match x", xs);
        }
        if (b1s[0] != w1s[0]) {
            throw mismatch("b1", b1s, "(" + w1s[0] + ") to match w1", w1s);
        }
        if (w2s[1] != w1s[0]) {
            throw mismatch("w2", w2s, "(out, " + w1s[0] + ") to match w1", w1s);
        }
        if (b2s[0] != w2s[0]) {
            throw mismatch("b2", b2s, "(" + w2s[0] + ") to match w2", w2s);
        }
        if (xs[1] == 0 || w1s[0] == 0 || w2s[0] == 0) {
            throw new IllegalArgumentException("mlp needs non-empty feature dimensions: x " + Arrays.toString(xs)
                    + ", w1 " + Arrays.toString(w1s) + ", w2 " + Arrays.toString(w2s));
        }
        return new MlpShapes((int) xs[0], (int) xs[1], (int) w1s[0], (int) w2s[0]);
    }

    private static long[] shape(String name, FloatTensor t, int rank) {
        if (t == null) {
            throw new IllegalArgumentException(name + " is null");
        }
        long[] s = t.shape();
        if (s.length != rank) {
            throw new IllegalArgumentException(name + " must have rank " + rank + ", got shape " + Arrays.toString(s));
        }
        for (long d : s) {
            if (d > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(name + " shape " + Arrays.toString(s) + " is too large");
            }
        }
        return s;
    }

    private static IllegalArgumentException mismatch(String name, long[] got, String expected, long[] other) {
        return new IllegalArgumentException("shape mismatch: " + name + " has shape " + Arrays.toString(got)
                + ", expected " + expected + " " + Arrays.toString(other));
    }
}
