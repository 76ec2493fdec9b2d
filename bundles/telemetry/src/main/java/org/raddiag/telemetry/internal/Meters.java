package org.raddiag.telemetry.internal;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.raddiag.api.compute.EngineStatus;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.telemetry.DiagnosisObserver;
import org.raddiag.api.telemetry.MetricSource;

/**
 * The metrics of this runtime, in one registry per component instance: HTTP requests (from {@link HttpMetrics}),
 * diagnoses, their stage timings, reading latency and forward-pass batch sizes (only as a {@link DiagnosisObserver}),
 * engine states (the {@link EngineStatus} services) and every {@link MetricSource}, read at scrape time.
 */
@Component(service = {Meters.class, DiagnosisObserver.class})
public final class Meters implements DiagnosisObserver {
    /** Seconds: 1 ms to 2 min, for requests and diagnosis stages alike. */
    private static final double[] SECONDS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
        120};
    /** Requests per forward pass. */
    private static final double[] REQUESTS = {1, 2, 4, 8, 16, 32, 64};

    final PrometheusRegistry registry = new PrometheusRegistry();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<MetricSource> sources = List.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<EngineStatus> engines = List.of();

    private final Counter requests = Counter.builder().name("raddiag_http_requests")
            .help("HTTP requests by route, method and status").labelNames("route", "method", "status")
            .register(registry);
    private final Histogram requestSeconds = Histogram.builder().name("raddiag_http_request_duration_seconds")
            .help("HTTP request latency by route").labelNames("route").classicOnly().classicUpperBounds(SECONDS)
            .register(registry);
    private final Counter diagnoses = Counter.builder().name("raddiag_diagnoses")
            .help("Diagnoses made, by model, version and backend").labelNames("model", "version", "backend")
            .register(registry);
    private final Histogram stageSeconds = Histogram.builder().name("raddiag_diagnosis_stage_duration_seconds")
            .help("Diagnosis stage latency (preprocess; load: model fetch; inference: the forward pass; total)"
                    + " by stage and backend")
            .labelNames("stage", "backend").classicOnly().classicUpperBounds(SECONDS).register(registry);
    private final Histogram readSeconds = Histogram.builder().name("raddiag_read_duration_seconds")
            .help("Reading latency: one scan file or series folder read by a modality reader, by reader")
            .labelNames("reader").classicOnly().classicUpperBounds(SECONDS).register(registry);
    private final Histogram batchSizes = Histogram.builder().name("raddiag_forward_pass_requests")
            .help("Batch sizes: diagnosis requests answered by one forward pass (1 when not batched), by backend")
            .labelNames("backend").classicOnly().classicUpperBounds(REQUESTS).register(registry);

    public Meters() {
        GaugeWithCallback.builder().name("raddiag_engine_state")
                .help("Native engines: 1 for the state each backend is in (STARTING, READY, FAILED), else 0")
                .labelNames("backend", "state").callback(cb -> {
                    for (EngineStatus e : current(engines)) {
                        for (EngineStatus.State s : EngineStatus.State.values()) {
                            cb.call(e.state() == s ? 1 : 0, e.backend(), s.name());
                        }
                    }
                }).register(registry);
        registry.register(new SourceCollector(() -> current(sources)));
    }

    private static <T> List<T> current(List<T> bound) {
        return bound == null ? List.of() : bound;
    }

    void request(String route, String method, int status, double seconds) {
        requests.labelValues(route, method, Integer.toString(status)).inc();
        requestSeconds.labelValues(route).observe(seconds);
    }

    @Override
    public void diagnosed(Diagnosis d) {
        diagnoses.labelValues(d.modelName(), d.modelVersion(), d.backend()).inc();
        for (Map.Entry<String, Double> t : d.timingsMs().entrySet()) {
            if (t.getValue() != null && t.getValue() >= 0) {
                stageSeconds.labelValues(t.getKey(), d.backend()).observe(t.getValue() / 1000);
            }
        }
    }

    @Override
    public void read(String reader, int scans, double millis) {
        if (millis >= 0) {
            readSeconds.labelValues(reader).observe(millis / 1000);
        }
    }

    @Override
    public void forwardPass(String backend, int requests) {
        batchSizes.labelValues(backend).observe(requests);
    }

    MetricSnapshots scrape() {
        return registry.scrape();
    }
}
