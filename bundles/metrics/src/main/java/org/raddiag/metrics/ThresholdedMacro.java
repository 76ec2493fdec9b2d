package org.raddiag.metrics;

/**
 * Macro means (plain means over non-skipped classes of {@code [from, to)}) at fixed thresholds. NOT reference
 * semantics: see {@link ValidationThresholds}.
 */
public record ThresholdedMacro(int from, int to, int validClasses, double precision, double recall, double f1,
                               double mcc) {
}
