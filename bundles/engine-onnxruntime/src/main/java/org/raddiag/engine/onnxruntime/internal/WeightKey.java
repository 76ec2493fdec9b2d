package org.raddiag.engine.onnxruntime.internal;

import java.util.Arrays;

import org.raddiag.api.data.FloatTensor;
import org.raddiag.support.engine.MlpShapes;

/**
 * Cache key for a built MLP session: the layer sizes, the identity of the four weight arrays and a content hash, so
 * weights changed in place (FloatTensor shares its array) are detected and lead to a rebuild, not stale results.
 */
final class WeightKey {
    private final int in;
    private final int hidden;
    private final int out;
    private final float[][] arrays;
    private final int contentHash;

    WeightKey(MlpShapes s, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        this.in = s.in();
        this.hidden = s.hidden();
        this.out = s.out();
        this.arrays = new float[][] {w1.data(), b1.data(), w2.data(), b2.data()};
        int h = 1;
        for (float[] a : arrays) {
            h = 31 * h + Arrays.hashCode(a);
        }
        this.contentHash = h;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WeightKey k) || k.contentHash != contentHash || k.in != in || k.hidden != hidden
                || k.out != out) {
            return false;
        }
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] != k.arrays[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = contentHash;
        for (float[] a : arrays) {
            h = 31 * h + System.identityHashCode(a);
        }
        return h;
    }
}
