package org.raddiag.onnx;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Float32 model weights by reference state-dict key (e.g. {@code attention1D.pos_emb}), C order, PyTorch layouts.
 * Immutable; the arrays are shared, not copied, so treat them as read-only. A tensor may also be loaded on demand
 * (from a checkpoint file, each time it is asked for), so that a converter holds only the few tensors of the block it
 * converts rather than the whole model on the Java heap.
 */
public final class Weights {
    private final Map<String, long[]> shapes;
    private final Map<String, Supplier<float[]>> values;

    private Weights(Map<String, long[]> shapes, Map<String, Supplier<float[]>> values) {
        this.shapes = shapes;
        this.values = values;
    }

    /** Collects tensors in insertion order. */
    public static final class Builder {
        private final Map<String, long[]> shapes = new LinkedHashMap<>();
        private final Map<String, Supplier<float[]>> values = new LinkedHashMap<>();

        /** Adds {@code key}; fails on a duplicate key or a value count that does not fit the shape. */
        public Builder put(String key, float[] data, long... shape) {
            check(key, data, shape);
            return put(key, () -> data, shape);
        }

        /**
         * Adds {@code key}, whose values {@code loader} reads each time they are asked for (it may throw
         * {@link java.io.UncheckedIOException}); a count that does not fit the shape fails then.
         */
        public Builder put(String key, Supplier<float[]> loader, long... shape) {
            numel(shape);
            if (values.putIfAbsent(key, loader) != null) {
                throw new IllegalArgumentException("duplicate weight key '" + key + "'");
            }
            shapes.put(key, shape.clone());
            return this;
        }

        public Weights build() {
            return new Weights(Collections.unmodifiableMap(new LinkedHashMap<>(shapes)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(values)));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** Shape of {@code key}. */
    public long[] shape(String key) {
        return get(key, shapes).clone();
    }

    /** Values of {@code key}. */
    public float[] floats(String key) {
        return check(key, get(key, values).get(), get(key, shapes));
    }

    /** Values of {@code key}, checking that it has exactly {@code shape}. */
    public float[] floats(String key, long... shape) {
        long[] have = get(key, shapes);
        if (!Arrays.equals(have, shape)) {
            throw new IllegalArgumentException("weight '" + key + "' has shape " + Arrays.toString(have)
                    + ", the block needs " + Arrays.toString(shape));
        }
        return floats(key);
    }

    /** The keys that start with {@code prefix} (e.g. {@code "fc."}), with the prefix removed. */
    public Weights under(String prefix) {
        Builder b = builder();
        for (Map.Entry<String, Supplier<float[]>> e : values.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                b.put(e.getKey().substring(prefix.length()), e.getValue(), shapes.get(e.getKey()));
            }
        }
        return b.build();
    }

    private static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    private static float[] check(String key, float[] data, long[] shape) {
        long n = numel(shape);
        if (n != data.length) {
            throw new IllegalArgumentException("'" + key + "' of shape " + Arrays.toString(shape) + " needs " + n
                    + " values, got " + data.length);
        }
        return data;
    }

    private <T> T get(String key, Map<String, T> m) {
        T v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("weights have no key '" + key + "'");
        }
        return v;
    }

    @Override
    public String toString() {
        return "Weights(" + values.size() + " tensors)";
    }
}
