package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Convolutions of {@link ChannelsLast#of} arrays are right on every machine: where oneDNN's channels-last 1x1
 * convolutions are wrong (AMD VMs whose CPUID reports no cache sizes: 256 -> 512 on 4 x 4 off by about 50 %),
 * {@code of} keeps the NCHW layout. Includes the ResNet-50 pairs that kill the JVM there when channels-last.
 */
class ChannelsLastTest {

    @ParameterizedTest
    @CsvSource({"256, 512, 1, 4", "256, 512, 2, 8", "512, 512, 2, 8", "256, 1024, 1, 4", "1024, 256, 1, 4",
        "512, 1024, 2, 8", "64, 128, 2, 8"})
    void pointwiseConvolutionsEqualTheMatrixProduct(int in, int out, int stride, int size) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            NDArray x = m.randomUniform(-1f, 1f, new Shape(2, in, size, size));
            NDArray w = m.randomUniform(-0.05f, 0.05f, new Shape(out, in, 1, 1));
            NDArray y = Conv2d.conv2d(ChannelsLast.of(x), w, null, new Shape(stride, stride)).head();
            NDArray ref = ChannelsLast.pointwiseProduct(x, w, stride);
            assertEquals(ref.getShape(), y.getShape());
            assertArrayEquals(ref.toFloatArray(), y.toFloatArray(), 1e-4f);
        }
    }
}
