package org.raddiag.metrics;

import java.util.List;

/**
 * Reference macro means ({@code np.mean} over the non-skipped classes of a range). All NaN when no class is valid.
 *
 * @param from         first class index of the range
 * @param to           end (exclusive) of the range
 * @param validClasses classes that entered the means
 * @param auc          mean ROC AUC ({@code mAUC})
 * @param ap           mean average precision ({@code mAP_CW})
 * @param f1max        mean F1max ({@code mF1max})
 * @param mcc          mean MCC at the F1max thresholds ({@code mMCC})
 * @param recallAtFpr  mean R@x per FPR target ({@code mR@F<x>}), in target order
 */
public record MacroMetrics(int from, int to, int validClasses, double auc, double ap, double f1max, double mcc,
                           List<Double> recallAtFpr) {
    public MacroMetrics {
        recallAtFpr = List.copyOf(recallAtFpr);
    }
}
