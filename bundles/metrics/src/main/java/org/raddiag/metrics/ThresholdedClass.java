package org.raddiag.metrics;

/**
 * Metrics of one class at a fixed threshold ({@code score >= threshold} is positive). NOT reference semantics: see
 * {@link ValidationThresholds}. Precision is 0 when nothing is predicted positive, F1 is {@code 2tp/(2tp+fp+fn)}.
 *
 * @param classIndex column index
 * @param threshold  the fixed threshold (NaN when none could be fitted)
 * @param skipped    whether the class was excluded (no threshold, or single-valued test labels)
 */
public record ThresholdedClass(int classIndex, float threshold, boolean skipped, long tp, long fp, long fn, long tn,
                               double precision, double recall, double f1, double mcc) {
}
