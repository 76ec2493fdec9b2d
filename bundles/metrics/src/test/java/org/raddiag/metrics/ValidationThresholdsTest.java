package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ValidationThresholdsTest {
    @Test
    void thresholdFromValidationAppliedToTest() {
        // validation: one class, perfect at 0.6; second class all negative (no threshold)
        Predictions val = Predictions.fromScores(4, 2, new float[] {0.2f, 0.5f, 0.4f, 0.5f, 0.6f, 0.5f, 0.8f, 0.5f},
                new float[] {0, 0, 0, 0, 1, 0, 1, 0});
        ValidationThresholds t = ValidationThresholds.fitF1max(val);
        assertEquals(0.6f, t.threshold(0));
        assertTrue(Float.isNaN(t.threshold(1)));
        // test: s >= 0.6 -> predictions 0,1,1,0 vs labels 0,1,0,1: tp 1, fp 1, fn 1, tn 1
        Predictions test = Predictions.fromScores(4, 2, new float[] {0.5f, 0.1f, 0.7f, 0.9f, 0.65f, 0.1f, 0.3f, 0.9f},
                new float[] {0, 0, 1, 1, 0, 0, 1, 1});
        ThresholdedEvaluation e = t.apply(test, ClassSplits.of(1, 1));
        ThresholdedClass c = e.perClass().get(0);
        assertEquals(new ThresholdedClass(0, 0.6f, false, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.0), c);
        assertTrue(e.perClass().get(1).skipped());
        assertEquals(1, e.all().validClasses());
        assertEquals(0.5, e.all().f1());
        assertEquals(0, e.bySplit().get(org.raddiag.api.data.LabelSet.Split.MEDIUM).validClasses());
    }

    @Test
    void noPredictedPositiveGivesZeroPrecision() {
        ThresholdedClass c = ValidationThresholds.evaluate(0, 0.99f, new float[] {0.1f, 0.2f},
                new boolean[] {true, false});
        assertEquals(0.0, c.precision());
        assertEquals(0.0, c.recall());
        assertEquals(0.0, c.f1());
        assertEquals(0.0, c.mcc());
    }
}
