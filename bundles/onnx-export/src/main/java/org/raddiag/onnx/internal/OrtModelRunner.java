package org.raddiag.onnx.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.support.engine.CommandLineLimit;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.files.ScratchFolders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ModelRunner} on ONNX Runtime: exports the package to ONNX in a scratch folder (slice encoder and
 * aggregator, see {@link OrtLoadedModel}; the weights as external data, so they are not copied three more times
 * through protobuf) and opens sessions with the engine's
 * threads and device (the CUDA execution provider when the engine bundle chose {@code gpu(N)}, else the CPU).
 */
@Component(property = {"raddiag.kind=runner", "raddiag.backend=" + OrtModelRunner.BACKEND})
public final class OrtModelRunner implements ModelRunner {
    static final String BACKEND = "onnxruntime";
    private static final Logger LOG = LoggerFactory.getLogger(OrtModelRunner.class);

    private final ComputeBackend engine;
    private final OnnxExporter exporter;
    private final SessionSettings settings;
    private volatile int chunk = OrtLoadedModel.CHUNK;

    @Activate
    public OrtModelRunner(
            @Reference(name = "engine", target = "(raddiag.backend=onnxruntime)") ComputeBackend engine,
            @Reference(name = "exporter") OnnxExporter exporter) {
        this(engine, exporter, SessionSettings.from(engine.info().device(), engine.info().threads()));
    }

    /** Outside OSGi (see {@code OnnxExporters.runner}): no engine service; sessions on {@code device} with {@code threads}. */
    public OrtModelRunner(OnnxExporter exporter, String device, int threads) {
        this(null, exporter, SessionSettings.from(device, threads));
    }

    private OrtModelRunner(ComputeBackend engine, OnnxExporter exporter, SessionSettings settings) {
        this.engine = engine;
        this.exporter = exporter;
        this.settings = settings;
        LOG.info("ONNX Runtime model runner: {}", settings.describe());
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public LoadedModel load(ModelPackage model) throws IOException {
        try {
            // outside OSGi (embedded, Spark) this may be the natives' first touch
            CommandLineLimit.check("ONNX Runtime", CommandLineLimit.ONNX_RUNTIME_MAX_BYTES);
        } catch (IllegalStateException e) {
            throw new IOException("model " + model.ref() + ": " + e.getMessage(), e);
        }
        ArchitectureConfig arch = model.architecture();
        if (!(exporter instanceof Exporter)) {
            throw new IOException("the ONNX Runtime runner needs the raddiag-onnx-export bundle's exporter, not "
                    + exporter.getClass().getName());
        }
        Path scratch = ScratchFolders.create("raddiag-onnx-");
        try {
            Path[] parts;
            try {
                parts = ((Exporter) exporter).exportParts(model, scratch);
                // the converters' garbage (every tensor read, folded and written once) has grown the heap to
                // ~0.9 GB around 0.1 GB live; a full collection gives it back before ONNX Runtime maps the weights,
                // which keeps the load's peak RSS 0.2-0.4 GB lower (measured) for ~0.1 s once per model
                System.gc();
            } catch (IllegalArgumentException e) {
                throw new IOException("model " + model.ref() + " cannot be exported to ONNX: " + e.getMessage(), e);
            }
            return open(model, arch, parts);
        } finally {
            // ONNX Runtime has read or mapped the weights by now; a mapping outlives the file's name
            deleteTree(scratch);
        }
    }

    private LoadedModel open(ModelPackage model, ArchitectureConfig arch, Path[] parts) throws IOException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = settings.options()) {
            OrtSession encoder = env.createSession(parts[0].toString(), options);
            try {
                OrtSession aggregator = env.createSession(parts[1].toString(), options);
                return new OrtLoadedModel(model, exporter.blockTypes(arch), env, encoder, aggregator,
                        arch.getInt(ArchitectureConfig.CLASSES), arch.getInt(ArchitectureConfig.HIDDEN), chunk);
            } catch (OrtException | RuntimeException e) {
                encoder.close();
                throw e;
            }
        } catch (OrtException e) {
            throw new IOException("ONNX Runtime cannot open model " + model.ref() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            DurableFiles.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("cannot remove the ONNX scratch folder {}: {}", dir, e.getMessage());
        }
    }

    /** Slices per encoder call for the models loaded from now on (tests: chunk boundaries). */
    void setChunk(int slices) {
        chunk = Math.max(1, slices);
    }

    /** The engine this runner uses. */
    ComputeBackend engine() {
        return engine;
    }
}
