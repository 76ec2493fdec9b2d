package org.raddiag.engine.pytorch.internal;

import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;

/**
 * Proves an engine computes correctly before it is offered as a service: with identity weights and zero biases the
 * MLP is the exact-erf GELU, whose values at -1, 0, 1, 2 are known constants.
 */
final class SelfTest {
    private static final float[] X = {-1f, 0f, 1f, 2f};
    private static final double[] GELU = {-0.15865525393145707, 0.0, 0.8413447460685429, 1.9544997361036416};

    private SelfTest() {
    }

    /** @return null when the engine passes, else what went wrong */
    static String run(ComputeBackend b) {
        int n = X.length;
        float[] eye = new float[n * n];
        for (int i = 0; i < n; i++) {
            eye[i * n + i] = 1f;
        }
        FloatTensor id = new FloatTensor(eye, n, n);
        FloatTensor zero = new FloatTensor(new float[n], n);
        FloatTensor y = b.mlp(new FloatTensor(X.clone(), 1, n), id, zero, id, zero);
        for (int i = 0; i < n; i++) {
            if (Math.abs(y.data()[i] - GELU[i]) > 1e-5) {
                return "self-test: gelu(" + X[i] + ") = " + y.data()[i] + ", expected " + GELU[i];
            }
        }
        return null;
    }
}
