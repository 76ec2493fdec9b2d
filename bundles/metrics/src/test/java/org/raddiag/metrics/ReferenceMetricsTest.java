package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checkable cases (the scikit-learn documentation examples and small constructed ones). */
class ReferenceMetricsTest {
    private static final float[] S = {0.1f, 0.4f, 0.35f, 0.8f};
    private static final boolean[] Y = {false, false, true, true};

    @Test
    void sklearnDocExample() {
        RocCurve roc = ReferenceMetrics.roc(S, Y);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, roc.fpr());
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, roc.tpr());
        assertArrayEquals(new float[] {1.8f, 0.8f, 0.4f, 0.35f, 0.1f}, roc.thresholds());
        assertEquals(0.75, ReferenceMetrics.auc(roc), 1e-15);
        PrCurve pr = ReferenceMetrics.pr(S, Y);
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 0.5, 1, 1}, pr.precision(), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0}, pr.recall());
        assertArrayEquals(new float[] {0.1f, 0.35f, 0.4f, 0.8f}, pr.thresholds());
        assertEquals(0.8333333333333333, ReferenceMetrics.averagePrecision(pr), 1e-15);
    }

    @Test
    void f1maxThresholdAndMcc() {
        ClassMetrics m = ReferenceMetrics.evaluateClass(0, S, Y, List.of(0.5));
        assertEquals(0.8, m.f1max(), 1e-15);
        assertEquals(1, m.f1maxIndex());
        assertEquals(0.35f, m.threshold());
        assertEquals(3, m.predictedPositive());
        // tp 2, fp 1, fn 0, tn 1: (2*1 - 1*0) / sqrt(3*2*2*1)
        assertEquals(2 / Math.sqrt(12), m.mcc(), 1e-15);
    }

    @Test
    void f1TiesGoToTheLowestThreshold() {
        // threshold 0.1: P=2/4 R=1 F1=2/3; 0.4: P=1 R=0.5 F1=2/3 (both 1/1.5) -> first (lowest threshold) wins
        float[] s = {0.1f, 0.2f, 0.3f, 0.4f};
        boolean[] y = {true, false, false, true};
        ClassMetrics m = ReferenceMetrics.evaluateClass(0, s, y, List.of());
        assertEquals(2.0 / 3, m.f1max(), 1e-15);
        assertEquals(0.1f, m.threshold());
        assertEquals(0, m.f1maxIndex());
    }

    @Test
    void dropIntermediateAndNearestFprOnSeparableClass() {
        float[] s = {0.9f, 0.8f, 0.7f, 0.2f, 0.1f};
        boolean[] y = {true, true, true, false, false};
        RocCurve roc = ReferenceMetrics.roc(s, y);
        assertArrayEquals(new double[] {0, 0, 0, 1}, roc.fpr());
        assertArrayEquals(new double[] {0, 1.0 / 3, 1, 1}, roc.tpr(), 1e-15);
        ClassMetrics m = ReferenceMetrics.evaluateClass(0, s, y, List.of(0.01, 0.5, 0.6));
        assertEquals(1.0, m.auc());
        // nearest FPR to 0.01 is 0 at the first point (0, 0): the reference's R@0.01 = 0 for a perfect class
        assertEquals(new RecallAtFpr(0.01, 0.0, 0.0, 0), m.recallAtFpr().get(0));
        // |0 - 0.5| == |1 - 0.5|: the tie goes to the first (lower FPR) point
        assertEquals(0, m.recallAtFpr().get(1).index());
        assertEquals(new RecallAtFpr(0.6, 1.0, 1.0, 3), m.recallAtFpr().get(2));
    }

    @Test
    void tiedScoresFormOnePoint() {
        float[] s = {0.5f, 0.5f, 0.5f, 0.5f};
        boolean[] y = {true, false, true, false};
        RocCurve roc = ReferenceMetrics.roc(s, y);
        assertArrayEquals(new double[] {0, 1}, roc.fpr());
        assertEquals(0.5, ReferenceMetrics.auc(roc));
        assertEquals(0.5, ReferenceMetrics.averagePrecision(ReferenceMetrics.pr(s, y)));
    }

    @Test
    void singleValuedClassesAreSkippedFromMacros() {
        float[] scores = {0.9f, 0.1f, 0.8f, 0.2f, 0.7f, 0.3f};
        float[] labels = {1, 0, 0, 0, 1, 0};
        Predictions p = Predictions.fromScores(3, 2, scores, labels);
        ReferenceEvaluation e = ReferenceMetrics.evaluate(p, ClassSplits.of(1, 1));
        assertTrue(e.perClass().get(1).skipped());
        assertEquals(1, e.all().validClasses());
        assertEquals(e.perClass().get(0).auc(), e.all().auc());
        assertTrue(Double.isNaN(e.bySplit().get(org.raddiag.api.data.LabelSet.Split.MEDIUM).auc()));
    }

    @Test
    void matthewsIsZeroForConstantPredictions() {
        assertEquals(0.0, ReferenceMetrics.matthews(3, 5, 0, 0));
        assertEquals(1.0, ReferenceMetrics.matthews(3, 0, 0, 5));
        assertEquals(-1.0, ReferenceMetrics.matthews(0, 5, 3, 0));
    }
}
