/**
 * Telemetry: what bundles tell the {@code /metrics} endpoint, without depending on a metrics library. Diagnoses are
 * pushed to {@link org.raddiag.api.telemetry.DiagnosisObserver}s; counters and gauges a bundle keeps itself are
 * pulled from its {@link org.raddiag.api.telemetry.MetricSource} at each scrape.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.raddiag.api.telemetry;
