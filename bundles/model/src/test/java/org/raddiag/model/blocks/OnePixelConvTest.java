package org.raddiag.model.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
            float[][] conv = directConv(x.toFloatArray(), w.toFloatArray(), b.toFloatArray(), 5, 6, 7, size, kernel,
                    padding);
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

    /**
     * The convolution by its definition, for a 1 x 1 output, with the gradients of {@code sum(out^2)}: the reference
     * is computed here, not by oneDNN, which gets the input gradient of such maps wrong on some AMD virtual machines
     * (those whose CPUID reports no cache sizes; see {@link ChannelsLast#sound}).
     */
    private static float[][] directConv(float[] x, float[] w, float[] b, int n, int c, int o, int size, int k,
            int pad) {
        float[] out = new float[n * o];
        float[] dw = new float[w.length];
        float[] dx = new float[x.length];
        for (int pass = 0; pass < 2; pass++) {
            for (int ni = 0; ni < n; ni++) {
                for (int oi = 0; oi < o; oi++) {
                    double acc = b[oi];
                    float g = 2 * out[ni * o + oi];
                    for (int ci = 0; ci < c; ci++) {
                        for (int r = 0; r < size; r++) {
                            for (int q = 0; q < size; q++) {
                                int xi = ((ni * c + ci) * size + r) * size + q;
                                int wi = ((oi * c + ci) * k + r + pad) * k + q + pad;
                                if (pass == 0) {
                                    acc += (double) x[xi] * w[wi];
                                } else {
                                    dw[wi] += g * x[xi];
                                    dx[xi] += g * w[wi];
                                }
                            }
                        }
                    }
                    if (pass == 0) {
                        out[ni * o + oi] = (float) acc;
                    }
                }
            }
        }
        return new float[][] {out, dw, dx};
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
