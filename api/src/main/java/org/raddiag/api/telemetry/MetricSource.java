package org.raddiag.api.telemetry;

/**
 * Counters and gauges a bundle keeps itself (e.g. instances stored, studies by state), read at each scrape of
 * {@code /metrics}. Registered as a service; {@link #collect} must be quick and must not block.
 */
public interface MetricSource {
    void collect(MetricSink sink);
}
