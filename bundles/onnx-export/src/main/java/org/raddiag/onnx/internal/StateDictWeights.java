package org.raddiag.onnx.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.SafetensorsIndex;
import org.raddiag.checkpoint.TensorInfo;
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

    /**
     * The floating tensors of a safetensors file (its header strictly validated by the checkpoint bundle now), each
     * read from the file when a converter asks for it: a full-size model's 460 MB never sit on the heap at once.
     */
    static Weights read(Path safetensors) throws IOException {
        SafetensorsIndex index = SafetensorsFile.index(safetensors);
        Map<String, TensorInfo> stored = new LinkedHashMap<>();
        for (TensorInfo t : index.tensors()) {
            stored.put(t.key(), t);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        stored.keySet().forEach(k -> keys.put(k, k));
        keys.putAll(index.aliases());
        Weights.Builder b = Weights.builder();
        for (Map.Entry<String, String> k : keys.entrySet()) {
            TensorInfo t = stored.get(k.getValue());
            if (t.type().isFloating()) {
                b.put(k.getKey(), () -> load(index, t.key()), t.shape());
            }
        }
        return b.build();
    }

    private static float[] load(SafetensorsIndex index, String key) {
        try {
            return index.read(key).floats();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
