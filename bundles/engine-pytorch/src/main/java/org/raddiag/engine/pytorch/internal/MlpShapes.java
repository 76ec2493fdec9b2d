package org.raddiag.engine.pytorch.internal;

import java.util.Arrays;
import org.raddiag.api.data.FloatTensor;

/** Validates MLP operand shapes before anything reaches the native engine. */
final class MlpShapes {
    private MlpShapes() {
    }

    static void check(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        long[] xs = x.shape();
        long[] a = w1.shape();
        long[] c = w2.shape();
        boolean ok = xs.length == 2 && a.length == 2 && c.length == 2
                && a[1] == xs[1] && Arrays.equals(b1.shape(), new long[] {a[0]})
                && c[1] == a[0] && Arrays.equals(b2.shape(), new long[] {c[0]});
        if (!ok) {
            throw new IllegalArgumentException("mlp shapes do not fit: x" + Arrays.toString(xs) + " w1"
                    + Arrays.toString(a) + " b1" + Arrays.toString(b1.shape()) + " w2" + Arrays.toString(c) + " b2"
                    + Arrays.toString(b2.shape()) + " (expected x[N,in] w1[h,in] b1[h] w2[out,h] b2[out])");
        }
    }
}
