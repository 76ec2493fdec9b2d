package org.raddiag.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.LabelSet.Split;
import org.raddiag.metrics.internal.BinaryCurve;
import org.raddiag.metrics.internal.NumpySum;

/**
 * The RP3D reference metrics ({@code eval_strategy} in {@code src/Eval/eval.py}) with scikit-learn 1.2/1.3 semantics,
 * reproduced operation by operation in float64 so that results match the reference to rounding (bit for bit on the
 * fixture). Per class: ROC AUC, step-wise AP, F1max (first argmax over the PR curve, NaN F1 counted as 0) and its
 * threshold, MCC at {@code score >= threshold}, R@x at the first drop-intermediate ROC point nearest to FPR x.
 * Classes whose labels take a single value are skipped; macro values are {@code np.mean} over the rest.
 */
public final class ReferenceMetrics {
    /** The FPR targets the reference computes (it reports the first three). */
    public static final List<Double> DEFAULT_FPR_TARGETS = List.of(0.01, 0.05, 0.1, 0.2, 0.5);

    private ReferenceMetrics() {
    }

    /** Evaluates every class with {@link #DEFAULT_FPR_TARGETS}. */
    public static ReferenceEvaluation evaluate(Predictions p, ClassSplits splits) {
        return evaluate(p, splits, DEFAULT_FPR_TARGETS);
    }

    /** Evaluates every class, then macro means over all classes and per split. */
    public static ReferenceEvaluation evaluate(Predictions p, ClassSplits splits, List<Double> fprTargets) {
        List<ClassMetrics> perClass = new ArrayList<>(p.classes());
        for (int c = 0; c < p.classes(); c++) {
            perClass.add(evaluateClass(c, p.scores(c), p.labels(c), fprTargets));
        }
        Map<Split, MacroMetrics> bySplit = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            int[] r = splits.range(s, p.classes());
            bySplit.put(s, macro(perClass, r[0], r[1], fprTargets.size()));
        }
        return new ReferenceEvaluation(fprTargets, splits, perClass, macro(perClass, 0, p.classes(),
                fprTargets.size()), bySplit);
    }

    /** Metrics of one class; skipped (counts only) when the labels take a single value. */
    public static ClassMetrics evaluateClass(int classIndex, float[] scores, boolean[] labels, List<Double> fprTargets) {
        int pos = 0;
        for (boolean y : labels) {
            pos += y ? 1 : 0;
        }
        int neg = labels.length - pos;
        if (pos == 0 || neg == 0) {
            return ClassMetrics.skipped(classIndex, pos, neg);
        }
        BinaryCurve bc = BinaryCurve.of(scores, labels);
        RocCurve roc = roc(bc);
        PrCurve pr = pr(bc);
        double[] f1 = pr.f1();
        int best = 0;
        for (int i = 1; i < f1.length; i++) {
            if (f1[i] > f1[best]) {
                best = i;
            }
        }
        float thr = best < pr.thresholds().length ? pr.thresholds()[best] : Float.POSITIVE_INFINITY;
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= thr) {
                if (labels[i]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        double mcc = matthews(tp, fp, pos - tp, neg - fp);
        List<RecallAtFpr> rAt = new ArrayList<>(fprTargets.size());
        for (double x : fprTargets) {
            rAt.add(recallAtFpr(roc, x));
        }
        return new ClassMetrics(classIndex, pos, neg, false, auc(roc), averagePrecision(pr), f1[best], best, thr,
                pr.precision()[best], pr.recall()[best], (int) (tp + fp), mcc, rAt);
    }

    /** {@code roc_curve(y, s)} with {@code drop_intermediate=True}. */
    public static RocCurve roc(float[] scores, boolean[] labels) {
        return roc(BinaryCurve.of(scores, labels));
    }

    /** {@code precision_recall_curve(y, s)}. */
    public static PrCurve pr(float[] scores, boolean[] labels) {
        return pr(BinaryCurve.of(scores, labels));
    }

    /** {@code roc_auc_score(y, s)}: trapezoid rule over the drop-intermediate ROC curve. */
    public static double auc(RocCurve roc) {
        return NumpySum.trapz(roc.tpr(), roc.fpr());
    }

    /** {@code average_precision_score(y, s)}: {@code -sum(diff(recall) * precision[:-1])}. */
    public static double averagePrecision(PrCurve pr) {
        double[] t = new double[pr.size() - 1];
        for (int i = 0; i < t.length; i++) {
            t[i] = (pr.recall()[i + 1] - pr.recall()[i]) * pr.precision()[i];
        }
        return -NumpySum.sum(t);
    }

    /** Reference R@x: TPR at the first point whose {@code |fpr - x|} is smallest. */
    public static RecallAtFpr recallAtFpr(RocCurve roc, double x) {
        double[] fpr = roc.fpr();
        int j = 0;
        double bestDist = Math.abs(fpr[0] - x);
        for (int i = 1; i < fpr.length; i++) {
            double d = Math.abs(fpr[i] - x);
            if (d < bestDist) {
                bestDist = d;
                j = i;
            }
        }
        return new RecallAtFpr(x, roc.tpr()[j], fpr[j], j);
    }

    /**
     * {@code matthews_corrcoef} from confusion counts, computed as scikit-learn does (covariances from the
     * confusion-matrix sums); 0 when a prediction or label marginal is empty.
     */
    public static double matthews(long tp, long fp, long fn, long tn) {
        double t0 = tn + fp;
        double t1 = fn + tp;
        double p0 = tn + fn;
        double p1 = fp + tp;
        double correct = (double) tn + tp;
        double n = p0 + p1;
        double covYtYp = correct * n - (t0 * p0 + t1 * p1);
        double covYpYp = n * n - (p0 * p0 + p1 * p1);
        double covYtYt = n * n - (t0 * t0 + t1 * t1);
        if (covYpYp * covYtYt == 0) {
            return 0.0;
        }
        return covYtYp / Math.sqrt(covYtYt * covYpYp);
    }

    /** Reference macro means over the non-skipped classes in {@code [from, to)}. */
    public static MacroMetrics macro(List<ClassMetrics> perClass, int from, int to, int fprTargets) {
        List<ClassMetrics> valid = perClass.subList(from, to).stream().filter(c -> !c.skipped()).toList();
        int n = valid.size();
        double[] auc = new double[n];
        double[] ap = new double[n];
        double[] f1 = new double[n];
        double[] mcc = new double[n];
        double[][] r = new double[fprTargets][n];
        for (int i = 0; i < n; i++) {
            ClassMetrics c = valid.get(i);
            auc[i] = c.auc();
            ap[i] = c.ap();
            f1[i] = c.f1max();
            mcc[i] = c.mcc();
            for (int k = 0; k < fprTargets; k++) {
                r[k][i] = c.recallAtFpr().get(k).recall();
            }
        }
        List<Double> rm = new ArrayList<>(fprTargets);
        for (double[] rk : r) {
            rm.add(NumpySum.mean(rk));
        }
        return new MacroMetrics(from, to, n, NumpySum.mean(auc), NumpySum.mean(ap), NumpySum.mean(f1),
                NumpySum.mean(mcc), rm);
    }

    /** {@code {auc, ap}} of one class, both NaN when its labels take a single value. */
    static double[] aucAp(float[] scores, boolean[] labels) {
        boolean any = false;
        boolean all = true;
        for (boolean y : labels) {
            any |= y;
            all &= y;
        }
        if (!any || all) {
            return new double[] {Double.NaN, Double.NaN};
        }
        BinaryCurve bc = BinaryCurve.of(scores, labels);
        return new double[] {auc(roc(bc)), averagePrecision(pr(bc))};
    }

    static RocCurve roc(BinaryCurve bc) {
        int m = bc.size();
        int[] keep = new int[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (m <= 2 || i == 0 || i == m - 1
                    || (bc.fps[i + 1] - bc.fps[i]) - (bc.fps[i] - bc.fps[i - 1]) != 0
                    || (bc.tps[i + 1] - bc.tps[i]) - (bc.tps[i] - bc.tps[i - 1]) != 0) {
                keep[k++] = i;
            }
        }
        double[] fpr = new double[k + 1];
        double[] tpr = new double[k + 1];
        float[] thr = new float[k + 1];
        double fpsLast = bc.fps[m - 1];
        double tpsLast = bc.tps[m - 1];
        for (int j = 0; j < k; j++) {
            fpr[j + 1] = bc.fps[keep[j]] / fpsLast;
            tpr[j + 1] = bc.tps[keep[j]] / tpsLast;
            thr[j + 1] = bc.thresholds[keep[j]];
        }
        thr[0] = thr[1] + 1f;
        return new RocCurve(fpr, tpr, thr);
    }

    static PrCurve pr(BinaryCurve bc) {
        int m = bc.size();
        double[] precision = new double[m + 1];
        double[] recall = new double[m + 1];
        float[] thr = new float[m];
        double tpsLast = bc.tps[m - 1];
        for (int i = 0; i < m; i++) {
            int src = m - 1 - i;
            double ps = bc.tps[src] + bc.fps[src];
            precision[i] = ps == 0 ? 0.0 : bc.tps[src] / ps;
            recall[i] = bc.tps[src] / tpsLast;
            thr[i] = bc.thresholds[src];
        }
        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrCurve(precision, recall, thr);
    }
}
