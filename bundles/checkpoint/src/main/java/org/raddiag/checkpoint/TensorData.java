package org.raddiag.checkpoint;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One dense tensor of a state dict in C order: its shape, the dtype it had on disk and its values, held as
 * {@code float[]} for floating dtypes and {@code long[]} for integral and boolean ones. The arrays are shared, not
 * copied; treat them as read-only.
 */
public final class TensorData {
    private final long[] shape;
    private final DType sourceType;
    private final float[] floats;
    private final long[] longs;

    private TensorData(long[] shape, DType sourceType, float[] floats, long[] longs) {
        this.shape = shape.clone();
        this.sourceType = sourceType;
        this.floats = floats;
        this.longs = longs;
        long n = numel(shape);
        long have = floats != null ? floats.length : longs.length;
        if (n != have) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got "
                    + have);
        }
    }

    /** A floating tensor; {@code sourceType} must be floating. */
    public static TensorData ofFloats(long[] shape, DType sourceType, float[] values) {
        if (!sourceType.isFloating()) {
            throw new IllegalArgumentException(sourceType + " is not a floating dtype");
        }
        return new TensorData(shape, sourceType, values, null);
    }

    public static TensorData ofFloats(float[] values, long... shape) {
        return ofFloats(shape, DType.F32, values);
    }

    /** An integral or boolean tensor; {@code sourceType} must not be floating. */
    public static TensorData ofLongs(long[] shape, DType sourceType, long[] values) {
        if (sourceType.isFloating()) {
            throw new IllegalArgumentException(sourceType + " is a floating dtype");
        }
        return new TensorData(shape, sourceType, null, values);
    }

    public static TensorData ofLongs(long[] values, long... shape) {
        return ofLongs(shape, DType.I64, values);
    }

    /** Product of {@code shape}; 1 for a 0-d scalar. */
    public static long numel(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    public long[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public long numel() {
        return numel(shape);
    }

    /** The dtype the tensor had in the file. */
    public DType sourceType() {
        return sourceType;
    }

    public boolean isFloating() {
        return floats != null;
    }

    /** The values of a floating tensor; shared, not copied. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("tensor of " + sourceType + " holds integers, not floats");
        }
        return floats;
    }

    /** The values of an integral tensor; shared, not copied. */
    public long[] longs() {
        if (longs == null) {
            throw new IllegalStateException("tensor of " + sourceType + " holds floats, not integers");
        }
        return longs;
    }

    /**
     * The values as both writers store them: float32 or int64, little-endian, in order (safetensors data and
     * {@code torch.save} storages hold the same bytes). Position 0, limit at the end, backed by an array.
     */
    ByteBuffer littleEndianBytes() {
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(numel() * (isFloating() ? 4 : 8)))
                .order(ByteOrder.LITTLE_ENDIAN);
        if (isFloating()) {
            b.asFloatBuffer().put(floats());
        } else {
            b.asLongBuffer().put(longs());
        }
        return b;
    }

    /** Whether shape, kind and values are identical (floats compared bitwise). */
    public boolean contentEquals(TensorData o) {
        if (!Arrays.equals(shape, o.shape)) {
            return false;
        }
        if (floats != null) {
            if (o.floats == null) {
                return false;
            }
            for (int i = 0; i < floats.length; i++) {
                if (Float.floatToRawIntBits(floats[i]) != Float.floatToRawIntBits(o.floats[i])) {
                    return false;
                }
            }
            return true;
        }
        return Arrays.equals(longs, o.longs);
    }

    @Override
    public String toString() {
        return "TensorData" + Arrays.toString(shape) + "(" + sourceType + ")";
    }
}
