package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {
    @Test
    void twoBins() {
        Calibration c = Calibration.of(new float[] {0.1f, 0.1f, 0.9f, 0.9f}, new boolean[] {false, true, true, true},
                2);
        // bin 0: mean 0.1, rate 0.5; bin 1: mean 0.9, rate 1.0 -> ECE 0.5*0.4 + 0.5*0.1
        assertEquals(0.25, c.ece(), 1e-7);
        // (0.01 + 0.81 + 0.01 + 0.01) / 4
        assertEquals(0.21, c.brier(), 1e-7);
        assertEquals(2, c.reliability().get(0).count());
        assertEquals(0.5, c.reliability().get(0).observedRate());
        assertEquals(0.5, c.reliability().get(1).lower());
        assertEquals(4, c.count());
    }

    @Test
    void edgesEmptyBinsAndPooling() {
        Calibration c = Calibration.of(new float[] {0f, 1f}, new boolean[] {false, true}, 4);
        assertEquals(0.0, c.ece());
        assertEquals(0.0, c.brier());
        assertEquals(1, c.reliability().get(3).count());
        assertTrue(Double.isNaN(c.reliability().get(1).meanScore()));
        Predictions p = Predictions.fromScores(2, 2, new float[] {0.1f, 0.1f, 0.9f, 0.9f}, new float[] {0, 1, 1, 1});
        assertEquals(0.25, Calibration.pooled(p, 2).ece(), 1e-7);
        assertEquals(0.5, Calibration.ofClass(p, 1, 2).reliability().get(0).meanScore() * 5, 1e-6);
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new float[] {1.5f}, new boolean[] {true},
                2));
    }
}
