package org.raddiag.onnx.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;
import org.raddiag.onnx.Weights;

/** {@link Weights} from a checkpoint state dict: its floating tensors (integer BatchNorm counters are skipped). */
final class StateDictWeights {
    private StateDictWeights() {
    }

    static Weights of(StateDict sd) {
        Weights.Builder b = Weights.builder();
        for (Map.Entry<String, TensorData> e : sd.asMap().entrySet()) {
            if (e.getValue().isFloating()) {
                b.put(e.getKey(), e.getValue().floats(), e.getValue().shape());
            }
        }
        return b.build();
    }

    /** Reads a safetensors file (strictly validated by the checkpoint bundle). */
    static Weights read(Path safetensors) throws IOException {
        return of(SafetensorsFile.read(safetensors));
    }
}
