package org.raddiag.api.telemetry;

import java.util.Map;

/**
 * Where a {@link MetricSource} writes its current values. Names are snake_case without the {@code raddiag_}
 * prefix (added by the endpoint) and, for counters, without {@code _total}; one name has one kind, one help text
 * and the same label names everywhere.
 */
public interface MetricSink {
    /** A count that only grows while the process runs. */
    void counter(String name, String help, double value, Map<String, String> labels);

    /** A value that goes up and down (queue depth, studies in a state). */
    void gauge(String name, String help, double value, Map<String, String> labels);
}
