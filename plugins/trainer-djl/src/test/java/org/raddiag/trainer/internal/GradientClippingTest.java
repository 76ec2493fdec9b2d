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
            double before = GradientClipping.globalNorm(List.of(a, b));
            assertEquals(13.0, before, 1e-6);
            // the factor AdamW applies to the gradients (AdamW.update's gradScale)
            float c = (float) GradientClipping.scale(before, 1.0);
            NDArray ca = a.mul(c);
            NDArray cb = b.mul(c);
            assertEquals(1.0, GradientClipping.globalNorm(List.of(ca, cb)), 1e-6);
            assertEquals((float) (1.0 / (13.0 + 1e-6)), c, 1e-9f);
            assertArrayEquals(new float[] {3 * c, 4 * c}, ca.toFloatArray(), 1e-7f);
            assertArrayEquals(new float[] {12 * c}, cb.toFloatArray(), 1e-7f);
        }
    }

    @Test
    void leavesSmallGradientsAndDisabledClippingAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0.3f, 0.4f});
            double small = GradientClipping.globalNorm(List.of(a));
            assertEquals(0.5, small, 1e-6);
            assertEquals(1.0, GradientClipping.scale(small, 1.0), "within the bound: unscaled");
            NDArray big = m.create(new float[] {30f, 40f});
            assertEquals(1.0, GradientClipping.scale(GradientClipping.globalNorm(List.of(big)), 0), "no bound");
        }
    }

    @Test
    void nonFiniteGradientsAreReportedAndZeroedForTheNextStep() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {1f, Float.NaN, 2f});
            NDArray b = m.create(new float[] {Float.POSITIVE_INFINITY, -3f});
            double norm = GradientClipping.globalNorm(List.of(a, b));
            org.junit.jupiter.api.Assertions.assertFalse(Double.isFinite(norm));
            GradientClipping.zero(List.of(a, b), false);
            assertArrayEquals(new float[] {0f, 0f, 0f}, a.toFloatArray(), 0f);
            assertArrayEquals(new float[] {0f, 0f}, b.toFloatArray(), 0f);
        }
    }
}
