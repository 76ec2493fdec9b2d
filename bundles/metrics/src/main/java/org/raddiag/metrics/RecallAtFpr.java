package org.raddiag.metrics;

/**
 * Reference R@FPR: the true positive rate at the first point of the drop-intermediate ROC curve whose false positive
 * rate is nearest to {@code targetFpr} (it may lie above the target).
 *
 * @param targetFpr the requested false positive rate x
 * @param recall    TPR at the chosen point
 * @param chosenFpr FPR at the chosen point
 * @param index     index of the chosen point in {@link RocCurve} (with the prepended (0, 0))
 */
public record RecallAtFpr(double targetFpr, double recall, double chosenFpr, int index) {
}
