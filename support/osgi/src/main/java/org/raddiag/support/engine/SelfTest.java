package org.raddiag.support.engine;

import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;

/**
 * Proves an engine computes correctly before it is offered as a service: a tiny MLP whose result is known in closed
 * form. With w1 = I, b1 = 0 the hidden layer is the exact-erf GELU(x) element-wise; w2 = (1 1 1), b2 = 0.5 sums it.
 * GELU(1) = 0.8413447460685429, GELU(-1) = -0.15865525393145707, GELU(2) = 1.9544997361036416, GELU(0) = 0 and
 * GELU(+-10) = 10 or 0 to within 1e-22. Exercises both linear layers, erf, a batch of two and the bias broadcast.
 */
public final class SelfTest {
    private static final double TOLERANCE = 1e-5;
    private static final double[] EXPECTED = {
        0.0 + 0.8413447460685429 + 10.0 + 0.5,
        0.0 - 0.15865525393145707 + 1.9544997361036416 + 0.5,
    };

    private SelfTest() {
    }

    /** Runs the check; throws {@link IllegalStateException} with the numbers when the engine gets it wrong. */
    public static void run(ComputeBackend backend) {
        FloatTensor x = new FloatTensor(new float[] {0, 1, 10, -10, -1, 2}, 2, 3);
        FloatTensor w1 = new FloatTensor(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, 3, 3);
        FloatTensor b1 = new FloatTensor(new float[3], 3);
        FloatTensor w2 = new FloatTensor(new float[] {1, 1, 1}, 1, 3);
        FloatTensor b2 = new FloatTensor(new float[] {0.5f}, 1);
        float[] got = backend.mlp(x, w1, b1, w2, b2).data();
        if (got.length != EXPECTED.length) {
            throw new IllegalStateException("self-test failed: " + got.length + " outputs, expected "
                    + EXPECTED.length);
        }
        for (int i = 0; i < EXPECTED.length; i++) {
            if (!(Math.abs(got[i] - EXPECTED[i]) <= TOLERANCE * Math.max(1, Math.abs(EXPECTED[i])))) {
                throw new IllegalStateException("self-test failed: row " + i + " gave " + got[i] + ", expected "
                        + EXPECTED[i]);
            }
        }
    }
}
