package org.raddiag.model.blocks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
        Map<String, Parameter> params = ReferenceBlock.referenceParameters(block);
        List<String> loaded = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String key : sd.keys()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rel = key.substring(prefix.length());
            Parameter p = params.get(rel);
            if (p == null) {
                (ignore.test(rel) || ignore.test(key) ? ignored : unexpected).add(key);
                continue;
            }
            copy(key, sd.get(key), p);
            loaded.add(rel);
        }
        List<String> missing = new ArrayList<>();
        java.util.Set<String> done = new java.util.HashSet<>(loaded);
        for (String name : params.keySet()) {
            if (!done.contains(name)) {
                missing.add(prefix + name);
            }
        }
        return new LoadReport(loaded, missing, unexpected, ignored);
    }

    /** {@link #load} with {@link ReferenceKeys#isKnownUnused}, failing unless the report is clean. */
    public static LoadReport loadStrict(Block block, StateDict sd, String prefix) {
        LoadReport r = load(block, sd, prefix, ReferenceKeys::isKnownUnused);
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
