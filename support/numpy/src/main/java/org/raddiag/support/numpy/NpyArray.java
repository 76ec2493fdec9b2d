package org.raddiag.support.numpy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.raddiag.api.data.FloatTensor;

/**
 * One decoded NumPy array: its shape, dtype and raw little- or big-endian data in C or Fortran order. Accessors
 * take and return elements in C (row-major) order whatever the storage order. Immutable.
 */
public final class NpyArray {
    private final String name;
    private final Dtype dtype;
    private final boolean fortranOrder;
    private final long[] shape;
    private final int size;
    private final ByteBuffer data;

    NpyArray(String name, Dtype dtype, boolean fortranOrder, long[] shape, int size, byte[] data) {
        this.name = name;
        this.dtype = dtype;
        this.fortranOrder = fortranOrder;
        this.shape = shape.clone();
        this.size = size;
        this.data = ByteBuffer.wrap(data).order(dtype.order).asReadOnlyBuffer().order(dtype.order);
    }

    /** Where the array came from: the file name, or {@code file.npz:key} for an archive member. */
    public String name() {
        return name;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    /** Number of elements (1 for a 0-d array). */
    public int size() {
        return size;
    }

    /** Canonical dtype descr, e.g. {@code <f4}, {@code >i2}, {@code |u1}, {@code |b1}. */
    public String dtype() {
        return dtype.descr();
    }

    /** Whether the data was stored in Fortran (column-major) order. */
    public boolean fortranOrder() {
        return fortranOrder;
    }

    /** Whether the elements are integers or booleans (exactly representable by {@link #toLongArray()}). */
    public boolean isIntegral() {
        return dtype.kind != Dtype.Kind.FLOAT;
    }

    /** Element at the C-order multi-index {@code index} as a double (unsigned 64-bit values may round). */
    public double getDouble(long... index) {
        return doubleAt(storageIndex(index));
    }

    /** All elements in C order as float32 (rounded where the dtype is wider). */
    public float[] toFloatArray() {
        float[] out = new float[size];
        inCOrder((i, at) -> out[i] = floatAt(at));
        return out;
    }

    /** All elements in C order as float64 (exact except for 64-bit integers beyond 2^53). */
    public double[] toDoubleArray() {
        double[] out = new double[size];
        inCOrder((i, at) -> out[i] = doubleAt(at));
        return out;
    }

    /**
     * All elements in C order as 64-bit integers; uint64 values keep their bits.
     *
     * @throws IllegalStateException for floating-point arrays
     */
    public long[] toLongArray() {
        if (!isIntegral()) {
            throw new IllegalStateException(name + ": dtype " + dtype() + " is not an integer type");
        }
        long[] out = new long[size];
        inCOrder((i, at) -> out[i] = longAt(at));
        return out;
    }

    /** Receives element {@code i} (C order) at its storage index. */
    @FunctionalInterface
    private interface Element {
        void at(int i, int storage);
    }

    /** Every element in C order with its storage index (the same index unless stored in Fortran order). */
    private void inCOrder(Element e) {
        if (!fortranOrder || shape.length < 2) {
            for (int i = 0; i < size; i++) {
                e.at(i, i);
            }
            return;
        }
        Odometer o = new Odometer();
        for (int i = 0; i < size; i++) {
            e.at(i, o.storage);
            o.next();
        }
    }

    /** The array as a float32 tensor of the same shape, in C order. */
    public FloatTensor toFloatTensor() {
        return new FloatTensor(toFloatArray(), shape);
    }

    private int storageIndex(long[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " does not match shape "
                    + Arrays.toString(shape));
        }
        long off = 0;
        if (fortranOrder) {
            for (int k = shape.length - 1; k >= 0; k--) {
                off = off * shape[k] + Objects2.checkIndex(index[k], shape[k]);
            }
        } else {
            for (int k = 0; k < shape.length; k++) {
                off = off * shape[k] + Objects2.checkIndex(index[k], shape[k]);
            }
        }
        return (int) off;
    }

    private float floatAt(int i) {
        if (dtype.kind == Dtype.Kind.FLOAT && dtype.size == 4) {
            return data.getFloat(i * 4);
        }
        if (dtype.kind == Dtype.Kind.INT && dtype.size == 8) {
            return (float) data.getLong(i * 8);
        }
        return (float) doubleAt(i);
    }

    private double doubleAt(int i) {
        switch (dtype.kind) {
            case FLOAT:
                switch (dtype.size) {
                    case 2: return Half.toFloat(data.getShort(i * 2));
                    case 4: return data.getFloat(i * 4);
                    default: return data.getDouble(i * 8);
                }
            case UINT:
                if (dtype.size == 8) {
                    long v = data.getLong(i * 8);
                    return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
                }
                return longAt(i);
            default:
                return longAt(i);
        }
    }

    private long longAt(int i) {
        switch (dtype.kind) {
            case BOOL: return data.get(i) != 0 ? 1 : 0;
            case INT:
                switch (dtype.size) {
                    case 1: return data.get(i);
                    case 2: return data.getShort(i * 2);
                    case 4: return data.getInt(i * 4);
                    default: return data.getLong(i * 8);
                }
            case UINT:
                switch (dtype.size) {
                    case 1: return data.get(i) & 0xffL;
                    case 2: return data.getShort(i * 2) & 0xffffL;
                    case 4: return data.getInt(i * 4) & 0xffffffffL;
                    default: return data.getLong(i * 8);
                }
            default:
                return (long) doubleAt(i);
        }
    }

    @Override
    public String toString() {
        return "NpyArray[" + name + ", " + dtype() + ", " + Arrays.toString(shape) + (fortranOrder ? ", F" : "") + "]";
    }

    /** Walks C order while tracking the storage offset of the current element. */
    private final class Odometer {
        private final int[] idx = new int[shape.length];
        private final int[] stride = new int[shape.length];
        int storage;

        Odometer() {
            int s = 1;
            if (fortranOrder) {
                for (int k = 0; k < shape.length; k++) {
                    stride[k] = s;
                    s *= (int) shape[k];
                }
            } else {
                for (int k = shape.length - 1; k >= 0; k--) {
                    stride[k] = s;
                    s *= (int) shape[k];
                }
            }
        }

        void next() {
            for (int k = shape.length - 1; k >= 0; k--) {
                storage += stride[k];
                if (++idx[k] < shape[k]) {
                    return;
                }
                storage -= stride[k] * idx[k];
                idx[k] = 0;
            }
        }
    }

    /** Index checks on long indices. */
    private static final class Objects2 {
        static long checkIndex(long i, long n) {
            if (i < 0 || i >= n) {
                throw new IndexOutOfBoundsException("index " + i + " out of bounds for length " + n);
            }
            return i;
        }
    }
}
