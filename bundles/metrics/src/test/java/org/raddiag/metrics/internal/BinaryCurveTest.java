package org.raddiag.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BinaryCurveTest {
    @Test
    void cumulativeCountsPerDistinctScoreDescending() {
        BinaryCurve c = BinaryCurve.of(new float[] {0.3f, -0.0f, 0.7f, 0.3f, 0.0f, -2f},
                new boolean[] {true, false, true, false, true, false});
        assertArrayEquals(new float[] {0.7f, 0.3f, 0f, -2f}, c.thresholds);
        assertArrayEquals(new double[] {1, 2, 3, 3}, c.tps);
        assertArrayEquals(new double[] {0, 1, 2, 3}, c.fps);
    }

    @Test
    void refusesNaN() {
        assertThrows(IllegalArgumentException.class, () -> BinaryCurve.of(new float[] {Float.NaN},
                new boolean[] {true}));
    }
}
