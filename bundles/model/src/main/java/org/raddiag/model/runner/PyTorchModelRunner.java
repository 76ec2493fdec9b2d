package org.raddiag.model.runner;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.KnowledgeHead;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.model.ScanEncoder;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.model.blocks.RadNet;
import org.raddiag.model.blocks.StateDictLoader;

/**
 * Loads model packages on the PyTorch engine. Exists only while the PyTorch backend is ready (mandatory reference
 * to it), and follows backbone and head plugins as they come and go. A load that names a plugin which is not bound
 * (its bundle is being updated or reinstalled) waits for it up to {@link PyTorchRunnerConfig#componentWaitMillis()},
 * so a plugin swap does not fail the diagnoses that arrive meanwhile.
 */
@Component(service = ModelRunner.class, configurationPid = PyTorchModelRunner.PID, property = {
        ServiceProperties.KIND + "=" + ServiceProperties.KIND_RUNNER,
        ServiceProperties.BACKEND + "=" + PyTorchModelRunner.BACKEND})
@Designate(ocd = PyTorchRunnerConfig.class)
public final class PyTorchModelRunner implements ModelRunner {
    static final String BACKEND = "pytorch";
    static final String PID = "org.raddiag.runner.pytorch";

    private final ComponentDirectory<ScanEncoder> encoders = new ComponentDirectory<>("backbone");
    private final ComponentDirectory<KnowledgeHead> heads = new ComponentDirectory<>("head");
    private volatile long componentWaitMillis = 10_000;

    @Reference(target = "(" + ServiceProperties.BACKEND + "=" + BACKEND + ")")
    private ComputeBackend engine;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEncoder(ScanEncoder e, Map<String, Object> p) {
        encoders.add(name(p, ServiceProperties.BACKBONE, e.name()), e);
    }

    void removeEncoder(ScanEncoder e, Map<String, Object> p) {
        encoders.remove(name(p, ServiceProperties.BACKBONE, e.name()), e);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addHead(KnowledgeHead h, Map<String, Object> p) {
        heads.add(name(p, ServiceProperties.HEAD, h.name()), h);
    }

    void removeHead(KnowledgeHead h, Map<String, Object> p) {
        heads.remove(name(p, ServiceProperties.HEAD, h.name()), h);
    }

    @Activate
    @Modified
    void configure(PyTorchRunnerConfig config) {
        componentWaitMillis = Math.max(0, config.componentWaitMillis());
    }

    @Deactivate
    void deactivate() {
        encoders.close();
        heads.close();
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public LoadedModel load(ModelPackage pkg) throws IOException {
        // components may name files relative to their package (e.g. the knowledge head's label embeddings)
        ArchitectureConfig arch = pkg.architecture().with("package.dir", pkg.weights().getParent().toString());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(componentWaitMillis);
        ScanEncoder encoder = encoders.await(NetworkAssembly.backboneName(arch), deadline);
        KnowledgeHead head = heads.await(NetworkAssembly.headName(arch), deadline);
        RadNet net;
        try {
            net = NetworkAssembly.build(arch, encoder, head);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw new IOException("model " + pkg.ref() + " cannot be assembled: " + e.getMessage(), e);
        }
        StateDict weights = SafetensorsFile.read(pkg.weights());
        NDManager manager = Engine.getEngine("PyTorch").newBaseManager();
        try {
            int slots = arch.getInt(ArchitectureConfig.SLOTS);
            int depth = arch.getInt(ArchitectureConfig.DEPTH);
            int size = arch.getInt(ArchitectureConfig.IMAGE_SIZE);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, slots, 1, size, size, depth), new Shape(1, slots),
                    new Shape(1, slots, depth));
            StateDictLoader.loadStrict(net, weights, "");
            // inference only: without this, PyTorch (grad mode is on by default per thread) records the autograd
            // graph of every forward and keeps all activations alive (measured: 14 GB RSS and 4x slower per scan)
            net.getParameters().values().forEach(p -> p.getArray().setRequiresGradient(false));
        } catch (RuntimeException e) {
            manager.close();
            throw new IOException("model " + pkg.ref() + ": weights do not fit the architecture: " + e.getMessage(), e);
        }
        return new RadNetModel(pkg, net, manager, Set.of(NetworkAssembly.backboneName(arch), NetworkAssembly.headName(arch)));
    }

    private static String name(Map<String, Object> p, String key, String fallback) {
        Object v = p.get(key);
        return v == null ? fallback : String.valueOf(v);
    }
}
