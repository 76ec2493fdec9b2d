package org.raddiag.telemetry.internal;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.raddiag.api.telemetry.MetricSink;
import org.raddiag.api.telemetry.MetricSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every {@link MetricSource} at scrape time into Prometheus snapshots ({@code raddiag_} + name). A source
 * that throws (e.g. a name used with two kinds) is logged and what it wrote after that is missing from this scrape;
 * it never breaks the scrape.
 */
final class SourceCollector implements MultiCollector {
    private static final Logger LOG = LoggerFactory.getLogger(SourceCollector.class);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private final Supplier<List<MetricSource>> sources;

    SourceCollector(Supplier<List<MetricSource>> sources) {
        this.sources = sources;
    }

    @Override
    public MetricSnapshots collect() {
        Map<String, Family> families = new LinkedHashMap<>();
        for (MetricSource s : sources.get()) {
            Map<String, Family> own = new LinkedHashMap<>(families);
            try {
                s.collect(new MetricSink() {
                    @Override
                    public void counter(String name, String help, double value, Map<String, String> labels) {
                        add(own, name, help, true, value, labels);
                    }

                    @Override
                    public void gauge(String name, String help, double value, Map<String, String> labels) {
                        add(own, name, help, false, value, labels);
                    }
                });
                families = own;
            } catch (RuntimeException e) {
                LOG.warn("metric source {} left out: {}", s.getClass().getName(), e.toString());
            }
        }
        List<MetricSnapshot> out = new ArrayList<>();
        for (Family f : families.values()) {
            out.add(f.snapshot());
        }
        return new MetricSnapshots(out);
    }

    private static void add(Map<String, Family> into, String name, String help, boolean counter, double value,
            Map<String, String> labels) {
        if (name == null || !NAME.matcher(name).matches() || name.endsWith("_total")) {
            throw new IllegalArgumentException("metric name '" + name + "' is not snake_case without _total");
        }
        Family f = into.computeIfAbsent("raddiag_" + name, n -> new Family(n, help, counter));
        if (f.counter != counter) {
            throw new IllegalArgumentException("metric " + name + " is both a counter and a gauge");
        }
        f.points.put(labels == null ? Labels.EMPTY : Labels.of(labels.keySet().toArray(new String[0]),
                labels.values().toArray(new String[0])), value);
    }

    private static final class Family {
        final String name;
        final String help;
        final boolean counter;
        final Map<Labels, Double> points = new LinkedHashMap<>();

        Family(String name, String help, boolean counter) {
            this.name = name;
            this.help = help;
            this.counter = counter;
        }

        MetricSnapshot snapshot() {
            if (counter) {
                CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
                points.forEach((l, v) -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(l)
                        .value(v).build()));
                return b.build();
            }
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
            points.forEach((l, v) -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l).value(v)
                    .build()));
            return b.build();
        }
    }
}
