package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class ReferenceLayerNormTest {

    @Test
    void aConstantRowHasFiniteGradients() {
        try (NDManager m = NDManager.newBaseManager()) {
            // row 0 constant (e.g. a padded token): std 0, where d sqrt(v)/dv is infinite and 0 x inf is NaN
            NDArray x = m.create(new float[] {0.25f, 0.25f, 0.25f, 0.25f, 1f, -2f, 3f, 0.5f}, new ai.djl.ndarray.types.Shape(2, 4));
            NDArray a = m.ones(new ai.djl.ndarray.types.Shape(4));
            NDArray b = m.zeros(new ai.djl.ndarray.types.Shape(4));
            x.setRequiresGradient(true);
            NDArray y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                y = ReferenceLayerNorm.apply(x, a, b);
                gc.backward(y.mul(m.create(new float[] {1, 2, 3, 4, 1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 4))).sum());
            }
            float[] g = x.getGradient().toFloatArray();
            for (float v : g) {
                assertTrue(Float.isFinite(v), java.util.Arrays.toString(g));
            }
            assertArrayEquals(new float[] {0, 0, 0, 0}, java.util.Arrays.copyOf(y.toFloatArray(), 4), 0f);
        }
    }

    @Test
    void matchesTheReferenceFormulaOnOrdinaryRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] row = {1f, -2f, 3f, 0.5f};
            NDArray y = ReferenceLayerNorm.apply(m.create(row, new ai.djl.ndarray.types.Shape(1, 4)),
                    m.ones(new ai.djl.ndarray.types.Shape(4)), m.zeros(new ai.djl.ndarray.types.Shape(4)));
            double mean = (1 - 2 + 3 + 0.5) / 4;
            double ss = 0;
            for (float v : row) {
                ss += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(ss / 3);
            float[] expected = new float[4];
            for (int i = 0; i < 4; i++) {
                expected[i] = (float) ((row[i] - mean) / (std + ReferenceLayerNorm.EPS));
            }
            assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
        }
    }
}
