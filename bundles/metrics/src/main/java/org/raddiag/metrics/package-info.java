/**
 * Evaluation of multi-label predictions.
 *
 * <p><b>Reference semantics</b> ({@link org.raddiag.metrics.ReferenceMetrics}, {@link org.raddiag.metrics.ClassMetrics},
 * {@link org.raddiag.metrics.MacroMetrics}, {@link org.raddiag.metrics.ReferenceEvaluation},
 * {@link org.raddiag.metrics.RocCurve}, {@link org.raddiag.metrics.PrCurve}): exactly what RP3D's
 * {@code compute_metrics}/{@code eval_strategy} computes with scikit-learn 1.2/1.3 (per-class AUC, step-wise AP,
 * oracle F1max and its threshold, MCC at that threshold, R@FPR on the drop-intermediate ROC curve, macro means over
 * classes with both label values, head/medium/tail index ranges).
 *
 * <p><b>Not reference semantics</b> ({@link org.raddiag.metrics.ValidationThresholds},
 * {@link org.raddiag.metrics.BootstrapIntervals}, {@link org.raddiag.metrics.Calibration}): additions for honest
 * reporting (thresholds fixed on a validation split, confidence intervals, calibration). Their numbers are not
 * comparable with the published tables.
 *
 * <p>{@link org.raddiag.metrics.EvaluationReport} writes both as JSON and as a self-contained HTML page;
 * {@link org.raddiag.metrics.ComparisonReport} puts several trained variants side by side (with
 * {@link org.raddiag.metrics.MacroIntervals} and {@link org.raddiag.metrics.LossCurvePlot}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.metrics;
