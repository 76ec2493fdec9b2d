package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.raddiag.api.data.LabelSet.Split;

class BootstrapIntervalsTest {
    @Test
    void percentileLikeNumpyLinear() {
        double[] v = {1, 2, 3, 4, 5};
        assertEquals(1.1, BootstrapIntervals.percentile(v, 0.025), 1e-12);
        assertEquals(4.9, BootstrapIntervals.percentile(v, 0.975), 1e-12);
        assertEquals(3.0, BootstrapIntervals.percentile(v, 0.5));
        assertEquals(5.0, BootstrapIntervals.percentile(v, 1.0));
    }

    @Test
    void separableClassHasDegenerateInterval() {
        float[] s = new float[20];
        float[] y = new float[20];
        for (int i = 0; i < 20; i++) {
            y[i] = i < 10 ? 1 : 0;
            s[i] = y[i] == 1 ? 0.9f - i * 0.01f : 0.1f + i * 0.01f;
        }
        BootstrapIntervals b = BootstrapIntervals.compute(Predictions.fromScores(20, 1, s, y), ClassSplits.of(1, 0),
                200, 0.95, 7);
        BootstrapIntervals.Interval auc = b.all().auc();
        assertEquals(1.0, auc.estimate());
        assertEquals(1.0, auc.lower(), 1e-12);
        assertEquals(1.0, auc.upper(), 1e-12);
        assertEquals(200, auc.defined());
        assertEquals(1.0, b.all().ap().lower(), 1e-12);
        assertEquals(0, b.bySplit().get(Split.TAIL).auc().defined());
    }

    @Test
    void seededAndDeterministic() {
        Predictions p = noisy();
        BootstrapIntervals a = BootstrapIntervals.compute(p, ClassSplits.of(2, 1), 100, 0.9, 42);
        BootstrapIntervals b = BootstrapIntervals.compute(p, ClassSplits.of(2, 1), 100, 0.9, 42);
        BootstrapIntervals c = BootstrapIntervals.compute(p, ClassSplits.of(2, 1), 100, 0.9, 43);
        assertEquals(a, b);
        assertNotEquals(a.all().auc().lower(), c.all().auc().lower());
        BootstrapIntervals.Interval i = a.all().auc();
        assertTrue(i.lower() < i.estimate() && i.estimate() < i.upper(), i.toString());
        assertEquals(ReferenceMetrics.evaluate(p, ClassSplits.of(2, 1)).all().auc(), i.estimate());
        assertEquals(ReferenceMetrics.evaluate(p, ClassSplits.of(2, 1)).bySplit().get(Split.MEDIUM).ap(),
                a.bySplit().get(Split.MEDIUM).ap().estimate());
    }

    /** 60 cases x 3 classes, scores the labels plus Gaussian noise (seeded). */
    static Predictions noisy() {
        Random r = new Random(1);
        int n = 60;
        int c = 3;
        float[] s = new float[n * c];
        float[] y = new float[n * c];
        for (int i = 0; i < s.length; i++) {
            y[i] = r.nextDouble() < 0.4 ? 1 : 0;
            s[i] = Predictions.sigmoid((float) (y[i] + r.nextGaussian()));
        }
        return Predictions.fromScores(n, c, s, y);
    }
}
