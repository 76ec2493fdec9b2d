package org.raddiag.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reference metrics against {@code testdata/reference/metrics} (scikit-learn 1.2.1 results), from scores.npy. */
class ReferenceMetricsFixtureTest {
    private static final double TOL = 1e-6;
    private static final String[] TARGETS = {"0.01", "0.05", "0.1", "0.2", "0.5"};
    private static MetricsFixture fx;
    private static ReferenceEvaluation eval;
    private static double maxDiff;

    @BeforeAll
    static void load() throws IOException {
        fx = MetricsFixture.load();
        // 12 classes: the fixture ran the reference on all 12 columns as one split
        eval = ReferenceMetrics.evaluate(fx.fromScores(), ClassSplits.of(12, 0));
    }

    private static void close(double expected, double actual, String what) {
        maxDiff = Math.max(maxDiff, Math.abs(expected - actual));
        assertEquals(expected, actual, TOL, what);
    }

    @Test
    void perClassMatchesReference() {
        var pcs = fx.results.getAsJsonArray("per_class");
        assertEquals(pcs.size(), eval.perClass().size());
        for (int c = 0; c < pcs.size(); c++) {
            JsonObject e = pcs.get(c).getAsJsonObject();
            ClassMetrics m = eval.perClass().get(c);
            String at = "class " + c + ": ";
            assertEquals(e.get("n_pos").getAsInt(), m.positives(), at + "n_pos");
            assertEquals(e.get("n_neg").getAsInt(), m.negatives(), at + "n_neg");
            assertEquals(e.get("skipped").getAsBoolean(), m.skipped(), at + "skipped");
            if (m.skipped()) {
                assertTrue(Double.isNaN(m.auc()));
                continue;
            }
            close(MetricsFixture.num(e.get("auc")), m.auc(), at + "auc");
            close(MetricsFixture.num(e.get("ap")), m.ap(), at + "ap");
            close(MetricsFixture.num(e.get("f1max")), m.f1max(), at + "f1max");
            assertEquals(e.get("f1max_index_in_pr_arrays").getAsInt(), m.f1maxIndex(), at + "f1max index");
            assertEquals((float) e.get("f1max_threshold").getAsDouble(), m.threshold(), at + "threshold (exact)");
            close(MetricsFixture.num(e.get("precision_at_f1max")), m.precisionAtF1max(), at + "precision");
            close(MetricsFixture.num(e.get("recall_at_f1max")), m.recallAtF1max(), at + "recall");
            assertEquals(e.get("n_predicted_positive_at_threshold").getAsInt(), m.predictedPositive(), at + "n pred");
            close(MetricsFixture.num(e.get("mcc_at_f1max_threshold")), m.mcc(), at + "mcc");
            JsonObject r = e.getAsJsonObject("recall_at_nearest_fpr");
            for (int k = 0; k < TARGETS.length; k++) {
                JsonObject rk = r.getAsJsonObject(TARGETS[k]);
                RecallAtFpr got = m.recallAtFpr().get(k);
                assertEquals(rk.get("index_in_roc_arrays").getAsInt(), got.index(), at + "R@" + TARGETS[k] + " index");
                close(MetricsFixture.num(rk.get("recall")), got.recall(), at + "R@" + TARGETS[k]);
                close(MetricsFixture.num(rk.get("chosen_fpr")), got.chosenFpr(), at + "fpr@" + TARGETS[k]);
            }
        }
        System.out.println("[metrics fixture] max |diff| per-class: " + maxDiff);
    }

    @Test
    void macroMatchesReference() {
        JsonObject e = fx.results.getAsJsonObject("reference_macro");
        MacroMetrics m = eval.all();
        double before = maxDiff;
        maxDiff = 0;
        close(e.get("mAUC").getAsDouble(), m.auc(), "mAUC");
        close(e.get("mAP_CW").getAsDouble(), m.ap(), "mAP_CW");
        close(e.get("mF1max").getAsDouble(), m.f1max(), "mF1max");
        close(e.get("mMCC").getAsDouble(), m.mcc(), "mMCC");
        for (int k = 0; k < TARGETS.length; k++) {
            close(e.get("mR@F" + TARGETS[k]).getAsDouble(), m.recallAtFpr().get(k), "mR@F" + TARGETS[k]);
        }
        System.out.println("[metrics fixture] max |diff| macro: " + maxDiff);
        maxDiff = Math.max(before, maxDiff);
        assertEquals(10, m.validClasses());
        int[] valid = fx.results.getAsJsonArray("valid_classes").asList().stream().mapToInt(j -> j.getAsInt())
                .toArray();
        assertArrayEquals(valid, eval.validClasses());
        assertEquals(m, eval.bySplit().get(org.raddiag.api.data.LabelSet.Split.HEAD));
        assertEquals(0, eval.bySplit().get(org.raddiag.api.data.LabelSet.Split.TAIL).validClasses());
    }

    @Test
    void curvesMatchReference() {
        Predictions p = fx.fromScores();
        double worst = 0;
        for (String key : fx.curves.keySet()) {
            int c = Integer.parseInt(key);
            JsonObject e = fx.curves.getAsJsonObject(key);
            RocCurve roc = ReferenceMetrics.roc(p.scores(c), p.labels(c));
            PrCurve pr = ReferenceMetrics.pr(p.scores(c), p.labels(c));
            worst = Math.max(worst, assertCurve(MetricsFixture.nums(e.getAsJsonArray("roc_fpr")), roc.fpr(), key));
            worst = Math.max(worst, assertCurve(MetricsFixture.nums(e.getAsJsonArray("roc_tpr")), roc.tpr(), key));
            worst = Math.max(worst, assertCurve(MetricsFixture.nums(e.getAsJsonArray("roc_thresholds_sklearn_1_2")),
                    toDouble(roc.thresholds()), key));
            worst = Math.max(worst, assertCurve(MetricsFixture.nums(e.getAsJsonArray("pr_precision")),
                    pr.precision(), key));
            worst = Math.max(worst, assertCurve(MetricsFixture.nums(e.getAsJsonArray("pr_recall")), pr.recall(), key));
            worst = Math.max(worst, assertCurve(MetricsFixture.nums(e.getAsJsonArray("pr_thresholds")),
                    toDouble(pr.thresholds()), key));
            worst = Math.max(worst, assertCurve(MetricsFixture.nums(e.getAsJsonArray("f1_per_pr_point")), pr.f1(),
                    key));
        }
        assertEquals(10, fx.curves.size());
        System.out.println("[metrics fixture] max |diff| curves: " + worst);
    }

    @Test
    void aucExtremesMatchReferenceTuple() {
        JsonObject t = fx.results.getAsJsonObject("reference_calculate_multilabel_AUC_tuple");
        List<ClassMetrics> valid = eval.perClass().stream().filter(c -> !c.skipped()).toList();
        assertEquals(t.get("max_auc").getAsDouble(), valid.get(t.get("max_index_within_valid_classes").getAsInt())
                .auc(), TOL);
        assertEquals(t.get("min_auc").getAsDouble(), valid.get(t.get("min_index_within_valid_classes").getAsInt())
                .auc(), TOL);
    }

    @Test
    void fromLogitsIsWithinTwoUlpOfReferenceScores() {
        Predictions p = Predictions.fromLogits(fx.cases, fx.classes, fx.logits, fx.labels);
        int differing = 0;
        for (int i = 0; i < fx.scores.length; i++) {
            float mine = p.score(i / fx.classes, i % fx.classes);
            float ref = fx.scores[i];
            assertTrue(Math.abs(mine - ref) <= 2 * Math.ulp(ref), "score " + i + ": " + mine + " vs " + ref);
            differing += mine != ref ? 1 : 0;
        }
        System.out.println("[metrics fixture] fromLogits scores differing from scores.npy: " + differing + " of "
                + fx.scores.length);
        MacroMetrics m = ReferenceMetrics.evaluate(p, ClassSplits.of(12, 0)).all();
        JsonObject e = fx.results.getAsJsonObject("reference_macro");
        assertEquals(e.get("mAUC").getAsDouble(), m.auc(), 1e-3);
        assertEquals(e.get("mAP_CW").getAsDouble(), m.ap(), 1e-3);
    }

    @Test
    void loadsNpyWithReaderPlugin() throws Exception {
        Predictions p = Predictions.load(MetricsFixture.dir().resolve("scores.npy"),
                MetricsFixture.dir().resolve("labels.npy"));
        assertEquals(fx.fromScores(), p);
        Predictions l = Predictions.loadLogits(MetricsFixture.dir().resolve("logits.npy"),
                MetricsFixture.dir().resolve("labels.npy"));
        assertEquals(Predictions.fromLogits(fx.cases, fx.classes, fx.logits, fx.labels), l);
        assertFalse(p.equals(l) && fx.scores[0] != fx.logits[0]);
    }

    private static double assertCurve(double[] expected, double[] actual, String key) {
        assertEquals(expected.length, actual.length, "class " + key + " curve length");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            assertEquals(expected[i], actual[i], TOL, "class " + key + " point " + i);
        }
        return worst;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
