package org.raddiag.onnx.internal;

import ai.onnx.proto.OnnxMl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.onnx.OnnxExporter;
import org.raddiag.onnx.Weights;

/**
 * {@link OnnxExporter} over a set of converters; the DS component and {@code org.raddiag.onnx.OnnxExporters} share it
 * (public only for the latter: the package is not exported).
 */
public class Exporter implements OnnxExporter {
    private final Converters converters;

    public Exporter(Converters converters) {
        this.converters = converters;
    }

    OnnxMl.ModelProto model(ArchitectureConfig config, Weights weights) {
        return new RadNetGraph(converters::get, converters::types).build(config, weights);
    }

    /**
     * The network in two graphs, slice encoder and aggregator (see {@code RadNetGraph.buildEncoder}), for a runner
     * that encodes slices in bounded chunks.
     */
    byte[][] exportParts(ModelPackage model) throws IOException {
        ArchitectureConfig config = architecture(model);
        Weights w = weights(model);
        RadNetGraph graph = new RadNetGraph(converters::get, converters::types);
        return new byte[][] {graph.buildEncoder(config, w).toByteArray(), graph.buildAggregator(config, w).toByteArray()};
    }

    @Override
    public byte[] export(ArchitectureConfig config, Weights weights) {
        return model(config, weights).toByteArray();
    }

    @Override
    public byte[] export(ModelPackage model) throws IOException {
        return export(architecture(model), weights(model));
    }

    @Override
    public void export(ModelPackage model, Path target) throws IOException {
        OnnxMl.ModelProto proto = model(architecture(model), weights(model));
        DurableFiles.createDirectories(target.toAbsolutePath().getParent());
        DurableFiles.write(target, DurableFiles.Existing.REPLACE, out -> {
            BufferedOutputStream b = new BufferedOutputStream(out, 1 << 20);
            proto.writeTo(b);
            b.flush();
        });
    }

    @Override
    public Set<String> blockTypes(ArchitectureConfig config) {
        return RadNetGraph.blockTypes(config);
    }

    /**
     * The package's architecture with {@code package.dir}, as the PyTorch runner gives it: converters may read files
     * named relative to the package (the knowledge head's label embeddings).
     */
    private static ArchitectureConfig architecture(ModelPackage model) {
        return model.architecture().with("package.dir", model.weights().getParent().toString());
    }

    private static Weights weights(ModelPackage model) throws IOException {
        try {
            return StateDictWeights.read(model.weights());
        } catch (IOException e) {
            throw new IOException("model " + model.ref() + ": cannot read weights: " + e.getMessage(), e);
        }
    }
}
