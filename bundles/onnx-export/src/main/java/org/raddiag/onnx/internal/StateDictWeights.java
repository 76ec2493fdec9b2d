package org.raddiag.onnx.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.SafetensorsIndex;
import org.raddiag.checkpoint.TensorInfo;
import org.raddiag.onnx.Weights;

/** {@link Weights} from a checkpoint: its floating tensors (integer BatchNorm counters are skipped). */
final class StateDictWeights {
    private StateDictWeights() {
    }

    /**
     * The floating tensors and aliases of a safetensors file (its header strictly validated by the checkpoint bundle
     * now), each read from the file when a converter asks for it: a full-size model's 460 MB never sit on the heap at
     * once.
     */
    static Weights read(Path safetensors) throws IOException {
        SafetensorsIndex index = SafetensorsFile.index(safetensors);
        Map<String, TensorInfo> stored = new LinkedHashMap<>();
        index.tensors().forEach(t -> stored.put(t.key(), t));
        Map<String, TensorInfo> keys = new LinkedHashMap<>(stored);
        index.aliases().forEach((alias, key) -> keys.put(alias, stored.get(key)));
        Weights.Builder b = Weights.builder();
        keys.forEach((key, t) -> {
            if (t.type().isFloating()) {
                b.put(key, () -> load(index, t.key()), t.shape());
            }
        });
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
