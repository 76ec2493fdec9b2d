package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link BatchOfOneConv} gives the convolution's values wherever it applies. The reference runs in float64, which
 * libtorch computes with its own kernel rather than oneDNN.
 */
class BatchOfOneConvTest {

    @ParameterizedTest
    @CsvSource({"16, 8, 3, 1, 8", "16, 32, 3, 2, 8", "64, 128, 1, 2, 4", "64, 64, 1, 1, 16", "3, 4, 3, 1, 5",
        "512, 512, 1, 1, 2"})
    void equalsTheConvolution(int in, int out, int kernel, int stride, int size) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(5);
            NDArray x = m.randomUniform(-1f, 1f, new Shape(1, in, size, size));
            NDArray w = m.randomUniform(-0.2f, 0.2f, new Shape(out, in, kernel, kernel));
            NDArray b = m.randomUniform(-1f, 1f, new Shape(out));
            assertTrue(BatchOfOneConv.applies(x, kernel));
            Shape s = new Shape(stride, stride);
            Shape p = new Shape(kernel / 2, kernel / 2);
            NDArray ref = Conv2d.conv2d(x.toType(DataType.FLOAT64, true), w.toType(DataType.FLOAT64, true),
                    b.toType(DataType.FLOAT64, true), s, p).head().toType(DataType.FLOAT32, false);
            NDArray got = BatchOfOneConv.conv2d(x, w, b, s, p);
            assertEquals(ref.getShape(), got.getShape());
            assertArrayEquals(ref.toFloatArray(), got.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void appliesOnlyWhereLibtorchWouldNotTakeOneDnn() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertTrue(BatchOfOneConv.applies(m.zeros(new Shape(1, 20, 32, 32)), 3));
            assertFalse(BatchOfOneConv.applies(m.zeros(new Shape(1, 21, 32, 32)), 3), "over 20,480 values");
            assertFalse(BatchOfOneConv.applies(m.zeros(new Shape(2, 8, 8, 8)), 3), "a batch of two");
            assertFalse(BatchOfOneConv.applies(m.zeros(new Shape(1, 3, 32, 32)), 7), "a kernel over 3 x 3");
        }
    }
}
