package org.raddiag.core.diagnosis;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.compute.EngineStatus;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.diagnosis.DiagnosisRequest;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelClosedException;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.api.telemetry.DiagnosisObserver;
import org.raddiag.api.telemetry.MetricSink;
import org.raddiag.api.telemetry.MetricSource;
import org.raddiag.api.text.KnowledgeLabels;
import org.raddiag.api.data.FloatTensor;
import org.raddiag.core.diagnosis.internal.BatchSettings;
import org.raddiag.core.diagnosis.internal.MicroBatcher;
import org.raddiag.core.diagnosis.internal.PendingEngines;
import org.raddiag.core.diagnosis.internal.StartingBackends;
import org.raddiag.core.preprocess.CaseTensorizer;
import org.raddiag.core.preprocess.CaseTensors;
import org.raddiag.core.preprocess.TensorizerSettings;
import org.raddiag.support.osgi.NamedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Diagnoses cases: finds the model package in the registry, gets it loaded on the requested backend's runner
 * (cached), tensorises the case as the model's architecture says and ranks the findings. Follows runners and
 * component plugins dynamically: when a backbone or head plugin is replaced, the models built from it are rebuilt
 * on the next request, and requests already running finish on the old model. Concurrent diagnoses of the same
 * model on a batching backend share forward passes ({@link MicroBatcher}); reading and preprocessing stay per request.
 * A request with zero-shot label texts diagnoses the model's {@link KnowledgeLabels#zeroShot zero-shot view} (loaded
 * and cached like a model of its own, one per text list). Observers are told of each diagnosis and forward pass;
 * the micro-batcher's queue depth is read as a {@link MetricSource}.
 */
@Component(service = {DiagnosisService.class, MetricSource.class}, configurationPid = "org.raddiag.diagnosis")
@Designate(ocd = DiagnosisConfig.class)
public final class PipelineDiagnosisService implements DiagnosisService, MetricSource {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineDiagnosisService.class);
    /** Runners by backend; of several for one backend, the highest ranking, then the first registered. */
    private final NamedServices<ModelRunner> runners = new NamedServices<>("model runner");
    private final ModelCache cache = new ModelCache();
    private final MicroBatcher batcher = new MicroBatcher(BatchSettings.OFF,
            (lane, n) -> tell(o -> o.forwardPass(((BatchLane) lane).backend(), n)));
    private volatile String defaultBackend = "pytorch";
    private volatile List<String> batchBackends = List.of();
    private volatile BundleContext context;
    private final StartingBackends starting = new StartingBackends(backend -> PendingEngines.of(context, backend));
    private volatile long engineWaitMillis = 60_000;

    @Reference(policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelRegistry registry;

    /** Zero-shot requests: the model seen with the requested label texts, through its text encoder. */
    @Reference
    private KnowledgeLabels knowledge;

    @Activate
    void activate(BundleContext context, DiagnosisConfig config) {
        this.context = context;
        configure(config);
    }

    @Modified
    void configure(DiagnosisConfig config) {
        defaultBackend = config.defaultBackend();
        BatchSettings batching = BatchSettings.of(config.batchMaxCases(), config.batchMaxWaitMillis());
        List<String> backends = config.batchBackends() == null ? List.of() : java.util.Arrays
                .stream(config.batchBackends()).filter(java.util.Objects::nonNull)
                .flatMap(b -> java.util.Arrays.stream(b.split(","))).map(String::trim).filter(b -> !b.isEmpty())
                .toList();
        if (!batching.equals(batcher.settings()) || !backends.equals(batchBackends)) {
            LOG.info(batching.enabled() ? "forward passes of concurrent diagnoses batched: up to {} cases, waiting at "
                    + "most {} ms, on {}" : "forward passes not batched", batching.maxCases(),
                    batching.maxWaitNanos() / 1e6, backends);
        }
        batcher.configure(batching);
        batchBackends = backends;
        engineWaitMillis = Math.max(0, config.engineWaitMillis());
    }

    @Deactivate
    void deactivate() {
        cache.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addRunner(ModelRunner r, Map<String, Object> properties) {
        runners.add(r.backend(), r, properties);
        cache.evictBackend(r.backend());
        starting.signal();
    }

    void removeRunner(ModelRunner r, Map<String, Object> properties) {
        runners.remove(r.backend(), r, properties);
        cache.evictBackend(r.backend());
    }

    /** Told about each diagnosis made and each forward pass (the /metrics endpoint counts them, times, sizes). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DiagnosisObserver> observers;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEngine(EngineStatus e) {
        starting.addEngine(e);
    }

    void removeEngine(EngineStatus e) {
        starting.removeEngine(e);
    }

    /** A backbone that comes or goes (bind and unbind alike): the cached models built with it are dropped. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "backboneChanged")
    void backboneChanged(SliceBackbone b, Map<String, Object> p) {
        cache.evictComponent(String.valueOf(p.getOrDefault(ServiceProperties.BACKBONE, b.name())));
    }

    /** A head that comes or goes, likewise. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "headChanged")
    void headChanged(ClassifierHead h, Map<String, Object> p) {
        cache.evictComponent(String.valueOf(p.getOrDefault(ServiceProperties.HEAD, h.name())));
    }

    @Override
    public Diagnosis diagnose(Case c, DiagnosisRequest request) throws DiagnosisException {
        Map<String, Double> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        ModelRegistry reg = registry;
        if (reg == null) {
            throw new DiagnosisException("no model registry is available");
        }
        Optional<ModelPackage> found = reg.find(request.model());
        ModelPackage pkg = found.orElseThrow(() -> new DiagnosisException("no model " + request.model()
                + " in the registry (installed: " + reg.list() + ")"));
        if (!request.labels().isEmpty()) {
            try {
                pkg = knowledge.zeroShot(pkg, request.labels());
            } catch (IOException | IllegalArgumentException e) {
                throw new DiagnosisException("zero-shot labels: " + e.getMessage(), e);
            }
        }
        String backend = request.backend() != null ? request.backend() : defaultBackend;
        ModelRunner runner;
        try {
            runner = starting.await(backend, runners::get, engineWaitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiagnosisException("interrupted while waiting for backend '" + backend + "' to start");
        }
        if (runner == null) {
            throw new DiagnosisException("backend '" + backend + "' has no model runner (available: "
                    + runners.names() + "); is its engine ready? see `status`");
        }
        if (c.samples().isEmpty()) {
            throw new DiagnosisException("case " + c.id() + " has no readable scan");
        }
        boolean batched = batcher.settings().enabled() && batchBackends.contains(backend);
        CaseTensors tensors;
        LoadedModel model = null;
        ModelOutput out = null;
        // The ticket tells the batcher this request will soon want a pass (see MicroBatcher).
        try (MicroBatcher.Ticket ticket = batched ? batcher.expect(new BatchLane(pkg.ref().toString(), backend)) : null) {
            long t1 = System.nanoTime();
            tensors = new CaseTensorizer(TensorizerSettings.of(pkg.architecture())).tensorize(c, pkg.labels());
            timings.put("preprocess", ms(t1));
            ModelInput input = DiagnosisAssembler.input(tensors);
            // A model can be evicted (its backbone was swapped) between fetching and running it; it is then closed
            // and the call is retried once on the model rebuilt from what is installed now.
            for (int attempt = 0; out == null; attempt++) {
                long t2 = System.nanoTime();
                model = load(pkg, runner, backend);
                timings.put("load", ms(t2));
                long t3 = System.nanoTime();
                try {
                    if (batched) {
                        out = batcher.submit(ticket, input, model::predict);
                    } else {
                        out = model.predict(input);
                        tell(o -> o.forwardPass(backend, 1));
                    }
                } catch (ModelClosedException closed) {
                    if (attempt > 0) {
                        throw new DiagnosisException("model " + pkg.ref() + " was replaced twice during case "
                                + c.id(), closed);
                    }
                } catch (RuntimeException e) {
                    throw new DiagnosisException("model " + pkg.ref() + " failed on case " + c.id() + ": "
                            + e.getMessage(), e);
                }
                timings.put("inference", ms(t3));
            }
        }
        timings.put("total", ms(t0));
        Diagnosis d = DiagnosisAssembler.assemble(c.id(), pkg, model.backend(), tensors, out, request.topK(), timings);
        tell(o -> o.diagnosed(d));
        return d;
    }

    /** The micro-batcher's queue depth per backend (0 for the backends that batch or are the default). */
    @Override
    public void collect(MetricSink sink) {
        Map<String, Integer> depth = new TreeMap<>();
        depth.put(defaultBackend, 0);
        batchBackends.forEach(b -> depth.put(b, 0));
        batcher.queued().forEach((lane, n) -> depth.merge(((BatchLane) lane).backend(), n, Integer::sum));
        depth.forEach((backend, n) -> sink.gauge("diagnosis_queue_depth", "Diagnosis requests in the micro-batcher"
                + " (waiting for or in a shared forward pass) by backend", n, Map.of("backend", backend)));
    }

    private void tell(Consumer<DiagnosisObserver> event) {
        List<DiagnosisObserver> told = observers;
        if (told != null) {
            for (DiagnosisObserver o : told) {
                try {
                    event.accept(o);
                } catch (RuntimeException e) {
                    LOG.debug("diagnosis observer failed: {}", e.toString());
                }
            }
        }
    }

    /** A micro-batcher lane: one model on one backend. */
    private record BatchLane(String model, String backend) {
    }

    private LoadedModel load(ModelPackage pkg, ModelRunner runner, String backend) throws DiagnosisException {
        try {
            return cache.get(pkg, runner);
        } catch (IOException | RuntimeException e) {
            throw new DiagnosisException("cannot load model " + pkg.ref() + " on " + backend + ": " + e.getMessage(), e);
        }
    }

    /** How many models are loaded now (for status and tests). */
    int loadedModels() {
        return cache.size();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
