package org.raddiag.workflows.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo's budget: it must finish in 10 minutes on 2 cores at about 55 cases/s (measured), so the training
 * case-steps must stay well below that; and the seeds of data and training are the same fixed one.
 */
class DemoSettingsTest {
    /** Demo training throughput on the 2-core CI machine, cases/s (measured 53-57). */
    private static final double CASES_PER_SECOND = 50;
    /** Of the 10 minutes, what training may use (data, evaluation and diagnoses take about a minute). */
    private static final double TRAINING_SECONDS = 7.5 * 60;

    @Test
    void trainingFitsTheTenMinuteBudget() {
        Map<String, String> training = DemoSettings.training();
        assertEquals(DemoSettings.TRAIN_CASES + ",100," + DemoSettings.TEST_CASES, DemoSettings.dataset().get("cases"));
        double caseSteps = (double) DemoSettings.TRAIN_CASES * Integer.parseInt(training.get("epochs"));
        assertTrue(caseSteps / CASES_PER_SECOND < TRAINING_SECONDS,
                caseSteps + " case-steps take about " + caseSteps / CASES_PER_SECOND + " s");
    }

    @Test
    void dataAndTrainingShareTheFixedSeed() {
        assertEquals(Long.toString(DemoSettings.SEED), DemoSettings.dataset().get("seed"));
        assertEquals(Long.toString(DemoSettings.SEED), DemoSettings.training().get("seed"));
        assertTrue(DemoSettings.TEST_CASES >= 400, "the test split must keep enough positives per label");
    }
}
