package org.raddiag.onnx.internal;

import ai.onnx.proto.OnnxMl;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.Supplier;
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
     * that encodes slices in bounded chunks: written into the empty folder {@code dir} as {@code encoder.onnx} and
     * {@code aggregator.onnx}, each with its large weights in a side file (ONNX external data, see
     * {@link ExternalWeights}). Returns the two model files.
     */
    Path[] exportParts(ModelPackage model, Path dir) throws IOException {
        ArchitectureConfig config = architecture(model);
        Weights w = weights(model);
        RadNetGraph graph = new RadNetGraph(converters::get, converters::types);
        Path encoder = dir.resolve("encoder.onnx");
        Path aggregator = dir.resolve("aggregator.onnx");
        try (ExternalWeights e = new ExternalWeights(dir.resolve("encoder.weights"))) {
            write(graphOf(model, () -> graph.buildEncoder(config, w, e)), encoder);
        }
        try (ExternalWeights a = new ExternalWeights(dir.resolve("aggregator.weights"))) {
            write(graphOf(model, () -> graph.buildAggregator(config, w, a)), aggregator);
        }
        return new Path[] {encoder, aggregator};
    }

    private static void write(OnnxMl.ModelProto proto, Path target) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target, StandardOpenOption.CREATE_NEW),
                1 << 16)) {
            proto.writeTo(out);
        }
    }

    @Override
    public byte[] export(ArchitectureConfig config, Weights weights) {
        return model(config, weights).toByteArray();
    }

    @Override
    public byte[] export(ModelPackage model) throws IOException {
        ArchitectureConfig config = architecture(model);
        Weights w = weights(model);
        return graphOf(model, () -> model(config, w)).toByteArray();
    }

    @Override
    public void export(ModelPackage model, Path target) throws IOException {
        ArchitectureConfig config = architecture(model);
        Weights w = weights(model);
        OnnxMl.ModelProto proto = graphOf(model, () -> model(config, w));
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

    /** Builds a graph whose converters read the package's weights file as they go (see {@link StateDictWeights}). */
    private static OnnxMl.ModelProto graphOf(ModelPackage model, Supplier<OnnxMl.ModelProto> build)
            throws IOException {
        try {
            return build.get();
        } catch (UncheckedIOException e) {
            throw new IOException("model " + model.ref() + ": cannot read weights: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static Weights weights(ModelPackage model) throws IOException {
        try {
            return StateDictWeights.read(model.weights());
        } catch (IOException e) {
            throw new IOException("model " + model.ref() + ": cannot read weights: " + e.getMessage(), e);
        }
    }
}
