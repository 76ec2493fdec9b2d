package org.raddiag.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A tensor that {@link SafetensorsFile#write(java.nio.file.Path, java.util.List, java.util.Map)} asks for its bytes
 * only when it reaches it, so that a writer of a large checkpoint (a model with its optimiser moments: 1.4 GB at the
 * full size) holds one tensor at a time instead of the whole state dict on the Java heap.
 *
 * @param type F32 or I64, the two types the writers store
 * @param bytes the values, little-endian, C order, exactly {@code numel * type.byteSize()} bytes from the position
 */
public record StreamedTensor(String key, DType type, long[] shape, Source bytes) {
    /** The bytes of one tensor, read when the writer reaches it. */
    @FunctionalInterface
    public interface Source {
        ByteBuffer get() throws IOException;
    }

    public StreamedTensor {
        if (type != DType.F32 && type != DType.I64) {
            throw new IllegalArgumentException("'" + key + "': only F32 and I64 are written, not " + type);
        }
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Bytes the tensor takes in the file. */
    public long byteLength() {
        return TensorData.numel(shape) * type.byteSize();
    }

    /** {@code t} as stored: F32 when floating, I64 otherwise. */
    public static StreamedTensor of(String key, TensorData t) {
        return new StreamedTensor(key, t.isFloating() ? DType.F32 : DType.I64, t.shape(), t::littleEndianBytes);
    }
}
