package org.raddiag.trainer.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
    @Test
    void scalesTheGlobalNormToTheBound() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {3, 4});
            NDArray b = m.create(new float[] {12});
            double before = GradientClipping.clip(List.of(a, b), 1.0);
            assertEquals(13.0, before, 1e-6);
            assertEquals(1.0, GradientClipping.globalNorm(List.of(a, b)), 1e-6);
            float c = (float) (1.0 / (13.0 + 1e-6));
            assertArrayEquals(new float[] {3 * c, 4 * c}, a.toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {12 * c}, b.toFloatArray(), 1e-7f);
        }
    }

    @Test
    void leavesSmallGradientsAndDisabledClippingAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0.3f, 0.4f});
            assertEquals(0.5, GradientClipping.clip(List.of(a), 1.0), 1e-6);
            assertArrayEquals(new float[] {0.3f, 0.4f}, a.toFloatArray());
            NDArray big = m.create(new float[] {30f, 40f});
            GradientClipping.clip(List.of(big), 0);
            assertArrayEquals(new float[] {30f, 40f}, big.toFloatArray());
        }
    }

    @Test
    void nonFiniteGradientsAreReportedAndZeroedForTheNextStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, Float.NaN, 2f});
            NDArray b = m.create(new float[] {Float.POSITIVE_INFINITY, -3f});
            double norm = GradientClipping.clip(List.of(a, b), 1.0);
            org.junit.jupiter.api.Assertions.assertFalse(Double.isFinite(norm));
            GradientClipping.zero(List.of(a, b), false);
            assertArrayEquals(new float[] {0f, 0f, 0f}, a.toFloatArray(), 0f);
            assertArrayEquals(new float[] {0f, 0f}, b.toFloatArray(), 0f);
        }
    }
}
