package org.raddiag.checkpoint;

import java.util.Arrays;

/** Name, dtype and shape of a stored tensor, as a checkpoint header declares it (no data). */
public record TensorInfo(String key, DType type, long[] shape) {
    public TensorInfo {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long numel() {
        return TensorData.numel(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorInfo t && t.key.equals(key) && t.type == type && Arrays.equals(t.shape, shape);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return key + " " + type + Arrays.toString(shape);
    }
}
