package org.raddiag.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.model.ClassifierHead;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelComponent;
import org.raddiag.api.model.ModelRunner;
import org.raddiag.api.model.SliceBackbone;
import org.raddiag.core.cases.CaseLocator;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.core.cases.ScanFiles;
import org.raddiag.core.registry.ModelPackageReader;
import org.raddiag.core.registry.VerifiedPackage;
import org.raddiag.model.assembly.PluginAssembler;
import org.raddiag.model.runner.PyTorchModelRunner;
import org.raddiag.onnx.BlockConverter;
import org.raddiag.onnx.OnnxExporters;

/**
 * Builds an {@link EmbeddedPipeline}: verifies the model package folder, finds the reader, backbone, head and ONNX
 * converter plugins on the class path through their {@code META-INF/services} entries, and loads the model on the
 * chosen backend's runner (the same runner classes the framework registers as services).
 */
public final class EmbeddedPipelineBuilder {
    /** The backends an embedding can run. */
    public static final List<String> BACKENDS = List.of("onnxruntime", "pytorch");

    private Path model;
    private String backend = "pytorch";
    private int threads = 1;
    private String level = Rp3dCaseFile.ARTICLES;
    private ClassLoader loader = EmbeddedPipelineBuilder.class.getClassLoader();

    EmbeddedPipelineBuilder() {
    }

    /** The model package folder (as {@code init-model}, {@code import} or {@code train} write it). Required. */
    public EmbeddedPipelineBuilder model(Path folder) {
        this.model = folder;
        return this;
    }

    /** {@code pytorch} (default, as {@code raddiag diagnose}) or {@code onnxruntime}. */
    public EmbeddedPipelineBuilder backend(String name) {
        this.backend = name;
        return this;
    }

    /**
     * Intra-op threads of the backend (default 1). ONNX Runtime takes them per session; PyTorch per JVM, at its first
     * start only ({@code ai.djl.pytorch.num_threads}, unless already set).
     */
    public EmbeddedPipelineBuilder threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + n);
        }
        this.threads = n;
        return this;
    }

    /** Label level of RP3D case files ({@code articles}, the default, or {@code icd10s}). */
    public EmbeddedPipelineBuilder level(String rp3dLevel) {
        this.level = rp3dLevel;
        return this;
    }

    /** The class loader whose {@code META-INF/services} entries name the plugins (default: this library's). */
    public EmbeddedPipelineBuilder classLoader(ClassLoader pluginLoader) {
        this.loader = pluginLoader;
        return this;
    }

    /**
     * Verifies the package and loads the model.
     *
     * @throws IOException when the package is missing or invalid, a plugin it needs is not on the class path, or the
     *                     backend cannot load it (each message names the package and the reason)
     */
    public EmbeddedPipeline build() throws IOException {
        if (model == null) {
            throw new IllegalStateException("no model package folder given (model(Path))");
        }
        if (!BACKENDS.contains(backend)) {
            throw new IOException("backend '" + backend + "': no such backend (available: " + BACKENDS + ")");
        }
        if (!Files.isDirectory(model)) {
            throw new IOException("model package " + model + ": " + (Files.exists(model)
                    ? "not a folder (unpack a zipped package first)" : "no such folder"));
        }
        VerifiedPackage pkg = ModelPackageReader.read(model);
        CaseLocator locator = new CaseLocator(scanFiles(loader), new NpyKeySlices(), level);
        long t0 = System.nanoTime();
        LoadedModel loaded = runner().load(pkg);
        return new EmbeddedPipeline(pkg, loaded, locator, (System.nanoTime() - t0) / 1e6);
    }

    /**
     * The reader plugins on the class path of {@code pluginLoader} (their {@code META-INF/services} entries), with
     * the default read options: what a pipeline reads with, and what a driver lists an archive's cases with before
     * any model is loaded.
     *
     * @throws IOException when no reader plugin is there
     */
    public static ScanFiles scanFiles(ClassLoader pluginLoader) throws IOException {
        List<ModalityReader> readers = new ArrayList<>();
        ServiceLoader.load(ModalityReader.class, pluginLoader).forEach(readers::add);
        if (readers.isEmpty()) {
            throw new IOException("no reader plugin on the class path (META-INF/services/"
                    + ModalityReader.class.getName() + ")");
        }
        return new ScanFiles(readers, ReadOptions.defaults());
    }

    private ModelRunner runner() {
        if ("onnxruntime".equals(backend)) {
            List<ModelComponent> components = new ArrayList<>(all(SliceBackbone.class));
            components.addAll(all(ClassifierHead.class));
            return OnnxExporters.runner(OnnxExporters.standalone(all(BlockConverter.class), components), threads);
        }
        String n = Integer.toString(threads);
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", n);
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        return new PyTorchModelRunner(PluginAssembler.fromServiceLoader(loader));
    }

    private <T> List<T> all(Class<T> service) {
        List<T> out = new ArrayList<>();
        ServiceLoader.load(service, loader).forEach(out::add);
        return out;
    }
}
