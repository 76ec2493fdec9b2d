package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link OnePixelConv} gives the convolution's values and weight gradients wherever it applies. */
class OnePixelConvTest {

    @ParameterizedTest
    @CsvSource({"1, 3, 1, 1", "1, 3, 2, 1", "2, 3, 2, 1", "1, 5, 1, 2", "3, 3, 1, 0"})
    void equalsTheConvolutionInValueAndGradient(int size, int kernel, int stride, int padding) {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(4);
            NDArray x = m.randomUniform(-1f, 1f, new Shape(5, 6, size, size));
            NDArray w = m.randomUniform(-1f, 1f, new Shape(7, 6, kernel, kernel));
            NDArray b = m.randomUniform(-1f, 1f, new Shape(7));
            assertTrue(OnePixelConv.applies(x, kernel, stride, padding));
            float[][] conv = run(x, w, (xi, wi) -> Conv2d.conv2d(xi, wi, b, new Shape(stride, stride),
                    new Shape(padding, padding)).head());
            float[][] product = run(x, w, (xi, wi) -> OnePixelConv.conv(xi, wi, b, padding));
            for (int k = 0; k < conv.length; k++) {
                assertArrayEquals(conv[k], product[k], 1e-4f, "output/gradient " + k);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"2, 3, 1, 1", "4, 3, 2, 1", "8, 1, 1, 0"})
    void doesNotApplyWhereTheOutputHasMoreThanOnePixel(int size, int kernel, int stride, int padding) {
        try (NDManager m = NDManager.newBaseManager()) {
            assertFalse(OnePixelConv.applies(m.zeros(new Shape(1, 2, size, size)), kernel, stride, padding));
        }
    }

    /** Output, then the gradients of the weight and the input for the loss sum(out^2). */
    private static float[][] run(NDArray x0, NDArray w0, java.util.function.BinaryOperator<NDArray> f) {
        NDArray x = x0.duplicate();
        NDArray w = w0.duplicate();
        x.setRequiresGradient(true);
        w.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray out = f.apply(x, w);
            gc.backward(out.square().sum());
            return new float[][] {out.toFloatArray(), w.getGradient().toFloatArray(), x.getGradient().toFloatArray()};
        }
    }
}
