package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.raddiag.checkpoint.DType;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.TensorData;

/**
 * Copies state-dict tensors into the parameters of an <em>initialised</em> block by reference name. Shapes must
 * match exactly. {@link #loadStrict} fails on any missing or unexpected key, apart from the keys the
 * {@code ignore} predicate accepts (usually {@link ReferenceKeys#isKnownUnused}).
 */
public final class StateDictLoader {
    private StateDictLoader() {
    }

    /**
     * Loads the keys of {@code sd} that start with {@code prefix} (stripped before matching) into {@code block}.
     *
     * @throws IllegalStateException if a parameter is not initialised
     * @throws IllegalArgumentException on a shape or dtype mismatch
     */
    public static LoadReport load(Block block, StateDict sd, String prefix, Predicate<String> ignore) {
        Loading l = new Loading(block, prefix, ignore);
        for (String key : sd.keys()) {
            l.accept(key, sd.get(key));
        }
        return l.report();
    }

    /**
     * {@link #loadStrict(Block, StateDict, String)} straight from a safetensors file, one tensor at a time: the
     * state dict never sits on the Java heap as a whole (a full-size model is 460 MB of floats), which keeps the
     * peak memory of a model load near the weights' own size.
     */
    public static LoadReport loadStrict(Block block, Path safetensors, String prefix) throws IOException {
        Loading l = new Loading(block, prefix, ReferenceKeys::isKnownUnused);
        SafetensorsFile.forEach(safetensors, (key, type, shape, data) -> {
            Parameter p = l.parameter(key);
            if (p != null && type == DType.F32 && p.getArray() != null && p.getArray().getDataType() == DataType.FLOAT32
                    && ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN
                    && Arrays.equals(p.getArray().getShape().getShape(), shape)) {
                p.getArray().set(data); // the direct buffer becomes the tensor's storage: no copy, no heap
                l.loaded(key);
            } else {
                l.accept(key, SafetensorsFile.decode(type, shape, data));
            }
        });
        return strict(l.report(), prefix);
    }

    /** One load: copies what fits, collects the report. */
    private static final class Loading {
        private final Map<String, Parameter> params;
        private final String prefix;
        private final Predicate<String> ignore;
        private final List<String> loaded = new ArrayList<>();
        private final List<String> unexpected = new ArrayList<>();
        private final List<String> ignored = new ArrayList<>();

        Loading(Block block, String prefix, Predicate<String> ignore) {
            this.params = ReferenceBlock.referenceParameters(block);
            this.prefix = prefix;
            this.ignore = ignore;
        }

        /** The parameter {@code key} goes to, or null (another prefix, unknown or ignored key). */
        Parameter parameter(String key) {
            return key.startsWith(prefix) ? params.get(key.substring(prefix.length())) : null;
        }

        /** Records a key that the caller copied into {@link #parameter}{@code (key)} itself. */
        void loaded(String key) {
            Parameter p = parameter(key);
            if (p == null || !p.isInitialized()) {
                throw new IllegalStateException("parameter for '" + key + "' is not initialised; initialise the block first");
            }
            loaded.add(key.substring(prefix.length()));
        }

        void accept(String key, TensorData t) {
            if (!key.startsWith(prefix)) {
                return;
            }
            String rel = key.substring(prefix.length());
            Parameter p = params.get(rel);
            if (p == null) {
                (ignore.test(rel) || ignore.test(key) ? ignored : unexpected).add(key);
                return;
            }
            copy(key, t, p);
            loaded.add(rel);
        }

        LoadReport report() {
            List<String> missing = new ArrayList<>();
            java.util.Set<String> done = new java.util.HashSet<>(loaded);
            for (String name : params.keySet()) {
                if (!done.contains(name)) {
                    missing.add(prefix + name);
                }
            }
            return new LoadReport(loaded, missing, unexpected, ignored);
        }
    }

    /** {@link #load} with {@link ReferenceKeys#isKnownUnused}, failing unless the report is clean. */
    public static LoadReport loadStrict(Block block, StateDict sd, String prefix) {
        return strict(load(block, sd, prefix, ReferenceKeys::isKnownUnused), prefix);
    }

    private static LoadReport strict(LoadReport r, String prefix) {
        if (!r.isClean()) {
            throw new IllegalArgumentException("state dict does not fit the block (prefix '" + prefix + "'): missing "
                    + r.missing() + ", unexpected " + r.unexpected());
        }
        return r;
    }

    private static void copy(String key, TensorData t, Parameter p) {
        NDArray array = p.getArray();
        if (array == null || !p.isInitialized()) {
            throw new IllegalStateException("parameter for '" + key + "' is not initialised; initialise the block first");
        }
        Shape want = array.getShape();
        if (!Arrays.equals(want.getShape(), t.shape())) {
            throw new IllegalArgumentException("'" + key + "' has shape " + Arrays.toString(t.shape())
                    + " but the block expects " + want);
        }
        if (array.getDataType() == DataType.FLOAT32 && t.isFloating()) {
            array.set(t.floats());
        } else if (array.getDataType() == DataType.INT64 && !t.isFloating()) {
            array.set(t.longs());
        } else {
            throw new IllegalArgumentException("'" + key + "' holds " + t.sourceType() + " but the parameter is "
                    + array.getDataType());
        }
    }
}
