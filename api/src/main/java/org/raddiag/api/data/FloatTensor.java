package org.raddiag.api.data;

import java.util.Arrays;

/** A dense float32 tensor in C (row-major) order: engine-neutral exchange type between plugins and backends. */
public final class FloatTensor {
    private final long[] shape;
    private final float[] data;

    public FloatTensor(float[] data, long... shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, s);
        }
        if (data.length != n) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public long[] shape() {
        return shape.clone();
    }

    /** The values; shared, not copied. */
    public float[] data() {
        return data;
    }

    /** Largest absolute element-wise difference to {@code other}, which must have the same shape. */
    public double maxAbsDifference(FloatTensor other) {
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException("shapes differ: " + Arrays.toString(shape) + " vs "
                    + Arrays.toString(other.shape));
        }
        double m = 0;
        for (int i = 0; i < data.length; i++) {
            m = Math.max(m, Math.abs((double) data[i] - other.data[i]));
        }
        return m;
    }

    @Override
    public String toString() {
        return "FloatTensor" + Arrays.toString(shape);
    }
}
