package org.raddiag.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;

/**
 * Exports RadDiag models to ONNX (IR 8, opset 17) with the registered {@link BlockConverter}s. Graph inputs
 * {@code images (B, S, 1, H, W, D)} float, {@code mods (B, S)} int64, {@code marks (B, S, D)} int64; outputs
 * {@code logits (B, C)} and {@code slice_attention (B, S, D)}; B, S and D are dynamic.
 */
@ProviderType
public interface OnnxExporter {
    String INPUT_IMAGES = "images";
    String INPUT_MODS = "mods";
    String INPUT_MARKS = "marks";
    String OUTPUT_LOGITS = "logits";
    String OUTPUT_SLICE_ATTENTION = "slice_attention";

    /** The serialized {@code ModelProto}. */
    byte[] export(ArchitectureConfig config, Weights weights);

    /** Reads the package's weights and exports it. */
    byte[] export(ModelPackage model) throws IOException;

    /** Exports {@code model} to {@code target}, atomically (a temporary file in the same folder, then a rename). */
    void export(ModelPackage model, Path target) throws IOException;

    /** Block types used by {@code config} (to tell which converters a model depends on). */
    Set<String> blockTypes(ArchitectureConfig config);
}
