package org.raddiag.onnx.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.model.ArchitectureConfig;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.api.model.ModelRef;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.onnx.Weights;

/** Test model package: weights written as safetensors into a folder. */
record TestPackage(ModelRef ref, ArchitectureConfig architecture, Path weights) implements ModelPackage {

    static TestPackage write(Path dir, String name, ArchitectureConfig arch, Weights w) throws IOException {
        StateDict sd = new StateDict();
        for (String k : w.keys()) {
            sd.put(k, TensorData.ofFloats(w.floats(k), w.shape(k)));
        }
        Path file = dir.resolve(name + ".safetensors");
        SafetensorsFile.write(file, sd, Map.of());
        return new TestPackage(new ModelRef(name, "1.0.0"), arch, file);
    }

    @Override
    public LabelSet labels() {
        throw new UnsupportedOperationException("not needed by the exporter");
    }

    @Override
    public double[] thresholds() {
        return new double[0];
    }

    @Override
    public Map<String, String> provenance() {
        return Map.of();
    }
}
