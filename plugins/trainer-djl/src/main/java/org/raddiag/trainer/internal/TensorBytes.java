package org.raddiag.trainer.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.raddiag.checkpoint.DType;
import org.raddiag.checkpoint.StreamedTensor;
import org.raddiag.checkpoint.TensorData;

/** Float32 arrays as tensors a checkpoint writer copies out one at a time, when it reaches them. */
final class TensorBytes {
    private TensorBytes() {
    }

    /** {@code a}'s values (null: zeros of {@code shape}, an optimiser moment not yet made). */
    static StreamedTensor of(String key, NDArray a, long[] shape) {
        return new StreamedTensor(key, DType.F32, shape, () -> a == null
                ? ByteBuffer.allocate(Math.toIntExact(TensorData.numel(shape) * Float.BYTES))
                : littleEndian(key, a));
    }

    private static ByteBuffer littleEndian(String key, NDArray a) {
        if (a.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("'" + key + "' is " + a.getDataType() + ", checkpoints hold float32");
        }
        ByteBuffer b = a.toByteBuffer();
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            return b;
        }
        ByteBuffer le = ByteBuffer.allocate(b.remaining()).order(ByteOrder.LITTLE_ENDIAN);
        le.asFloatBuffer().put(b.order(ByteOrder.nativeOrder()).asFloatBuffer());
        return le;
    }
}
