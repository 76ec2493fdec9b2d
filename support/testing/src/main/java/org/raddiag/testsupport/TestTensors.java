package org.raddiag.testsupport;

import java.util.Random;
import org.raddiag.api.data.FloatTensor;

/** Random tensors for engine and parity tests. */
public final class TestTensors {
    private TestTensors() {
    }

    /** A tensor of {@code shape} filled with normal values of standard deviation {@code scale}. */
    public static FloatTensor gaussian(Random r, double scale, long... shape) {
        int n = 1;
        for (long s : shape) {
            n *= (int) s;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return new FloatTensor(v, shape);
    }
}
