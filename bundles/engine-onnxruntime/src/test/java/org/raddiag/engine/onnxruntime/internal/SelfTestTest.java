package org.raddiag.engine.onnxruntime.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.raddiag.api.compute.BackendInfo;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.data.FloatTensor;

/** The self-test accepts the exact head and rejects one with tanh-approximated GELU-sized errors. */
class SelfTestTest {

    private static ComputeBackend javaBackend(double offset) {
        return new ComputeBackend() {
            @Override
            public String name() {
                return "java";
            }

            @Override
            public BackendInfo info() {
                return new BackendInfo("java", "0", "cpu", 1, 0);
            }

            @Override
            public FloatTensor mlp(FloatTensor x, FloatTensor w1, FloatTensor b1, FloatTensor w2, FloatTensor b2) {
                double[][] y = ReferenceMlp.forward(x, w1, b1, w2, b2);
                float[] d = new float[y.length * y[0].length];
                for (int i = 0; i < y.length; i++) {
                    for (int j = 0; j < y[0].length; j++) {
                        d[i * y[0].length + j] = (float) (y[i][j] + offset);
                    }
                }
                return new FloatTensor(d, y.length, y[0].length);
            }
        };
    }

    @Test
    void acceptsTheExactHead() {
        SelfTest.run(javaBackend(0));
    }

    @Test
    void rejectsAWrongEngine() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SelfTest.run(javaBackend(1e-3)));
        assertTrue(e.getMessage().startsWith("self-test failed: row 0"), e.getMessage());
    }
}
