package org.raddiag.testsupport;

import java.util.Random;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;

/** Random tensors for engine and parity tests. */
public final class TestTensors {
    private TestTensors() {
    }

    /** The five tensors of one {@link ComputeBackend#mlp} call. */
    public record Mlp(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
        public FloatTensor on(ComputeBackend backend) {
            return backend.mlp(x, w1, b1, w2, b2);
        }
    }

    /**
     * An MLP call on {@code batch} rows of {@code in} values (standard normal) through {@code hidden} and {@code out}
     * units, weights and biases normal with the given scales; drawn from {@code r} in the order x, w1, b1, w2, b2.
     */
    public static Mlp mlp(Random r, int batch, int in, int hidden, int out, double weightScale, double biasScale) {
        FloatTensor x = gaussian(r, 1, batch, in);
        FloatTensor w1 = gaussian(r, weightScale, hidden, in);
        FloatTensor b1 = gaussian(r, biasScale, hidden);
        FloatTensor w2 = gaussian(r, weightScale, out, hidden);
        return new Mlp(x, w1, b1, w2, gaussian(r, biasScale, out));
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
